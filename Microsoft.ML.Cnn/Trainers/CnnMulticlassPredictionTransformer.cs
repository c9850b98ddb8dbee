// The fitted multiclass Cnn: Score = the K class probabilities (slot names from the label's key values),
// PredictedLabel = the most probable class as the label's key type, with its key values (so MapKeyToValue restores them).
using System.Numerics.Tensors;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Losses;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>
/// Appends <c>Score</c> (<c>Vector&lt;Single, K&gt;</c>, softmax probabilities; slot i is key i + 1, named by the label's
/// KeyValues) and <c>PredictedLabel</c> (the label's key type, with its KeyValues), as ML.NET's multiclass trainers do.
/// </summary>
public sealed class CnnMulticlassPredictionTransformer : CnnPredictionTransformerBase
{
    private readonly LabelKeyValues? _keyValues;

    internal CnnMulticlassPredictionTransformer(Network network, string featureColumnName, KeyDataViewType labelType, LabelKeyValues? keyValues,
        string scoreColumnName, string predictedLabelColumnName, TrainingHistory? history, BackendKind backend, int? threads, int scoringBatchSize)
        : base(network, featureColumnName, history, backend, threads, scoringBatchSize)
    {
        if (network.OutputShape.Rank != 1 || (ulong)network.OutputShape[0] != labelType.Count)
            throw new ArgumentException($"The network outputs {network.OutputShape} per sample; a {labelType.Count}-class label needs ({labelType.Count}).", nameof(network));
        LabelType = labelType;
        _keyValues = keyValues;
        ScoreColumnName = scoreColumnName;
        PredictedLabelColumnName = predictedLabelColumnName;
    }

    /// <summary>The key type of the label (and of <see cref="PredictedLabelColumnName"/>).</summary>
    public KeyDataViewType LabelType { get; }

    /// <summary>The class names (the label's KeyValues as text, class i at index i), or null when the label had none.</summary>
    public IReadOnlyList<string>? LabelNames => _keyValues?.Names;

    public string ScoreColumnName { get; }

    public string PredictedLabelColumnName { get; }

    private protected override IReadOnlyList<ScoreColumn> CreateScoreColumns()
    {
        int classes = (int)LabelType.Count;
        DataViewSchema.Annotations? slotNames = null, keyValues = null;
        if (_keyValues is not null)
        {
            var names = new DataViewSchema.Annotations.Builder();
            _keyValues.AddSlotNamesTo(names);
            slotNames = names.ToAnnotations();
            var values = new DataViewSchema.Annotations.Builder();
            _keyValues.AddTo(values);
            keyValues = values.ToAnnotations();
        }
        var score = ScoreColumn.Create<VBuffer<float>>(ScoreColumnName, new VectorDataViewType(NumberDataViewType.Single, classes), slotNames, row =>
        {
            var scratch = new float[classes];
            return (ref VBuffer<float> value) =>
            {
                row.Output.CopyTo(scratch);
                new VBuffer<float>(scratch).CopyTo(ref value);
            };
        });
        var predicted = LabelType.RawType == typeof(byte)
            ? ScoreColumn.Create<byte>(PredictedLabelColumnName, LabelType, keyValues, row => (ref byte value) => value = (byte)(Classification.ArgMax(row.Output) + 1))
            : ScoreColumn.Create<uint>(PredictedLabelColumnName, LabelType, keyValues, row => (ref uint value) => value = (uint)Classification.ArgMax(row.Output) + 1);
        return [score, predicted];
    }

    private protected override void PostProcess(Span<float> outputs, int count)
    {
        int classes = outputs.Length / count;
        for (int n = 0; n < count; n++)
        {
            var row = outputs.Slice(n * classes, classes);
            TensorPrimitives.SoftMax(row, row);
        }
    }
}
