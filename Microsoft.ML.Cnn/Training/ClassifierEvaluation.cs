// Classification metrics of a trained network over a labelled set.
using Microsoft.ML.Cnn.Losses;

namespace Microsoft.ML.Cnn.Training;

/// <summary>Runs a predictor over labelled data and counts the results.</summary>
public static class ClassifierEvaluation
{
    /// <summary>
    /// The confusion matrix of <paramref name="predictor"/> (a classifier with one score per class) over
    /// <paramref name="data"/> (class-index labels); accuracy, precision and recall come from it.
    /// </summary>
    public static ConfusionMatrix Classify(Predictor predictor, ITrainingData data, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(data);
        if (data.LabelShape.ElementCount != 1)
            throw new ArgumentException($"Classification needs one class index per sample; the labels have shape {data.LabelShape}.", nameof(data));
        if (data.SampleShape.ElementCount != predictor.InputSize)
            throw new ArgumentException($"The samples have shape {data.SampleShape} ({data.SampleShape.ElementCount} values); the network takes {predictor.InputSize}.", nameof(data));
        int classes = predictor.OutputSize;
        var matrix = new ConfusionMatrix(classes, classNames);
        int batch = predictor.MaxBatchSize;
        var indices = new int[batch];
        var features = new float[batch * predictor.InputSize];
        var labels = new float[batch];
        var outputs = new float[batch * classes];
        for (int start = 0; start < data.Count; start += batch)
        {
            int size = Math.Min(batch, data.Count - start);
            for (int i = 0; i < size; i++) indices[i] = start + i;
            data.CopyBatch(indices.AsSpan(0, size), features.AsSpan(0, size * predictor.InputSize), labels.AsSpan(0, size));
            predictor.Predict(features.AsSpan(0, size * predictor.InputSize), size, outputs.AsSpan(0, size * classes));
            for (int i = 0; i < size; i++)
                matrix.Add((int)labels[i], Classification.ArgMax(outputs.AsSpan(i * classes, classes)));
        }
        return matrix;
    }
}
