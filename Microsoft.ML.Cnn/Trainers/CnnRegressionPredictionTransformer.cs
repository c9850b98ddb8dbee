// The fitted regression Cnn: Score = the network's output.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>Appends <c>Score</c> (Single, the predicted value), as ML.NET's regression trainers do.</summary>
public sealed class CnnRegressionPredictionTransformer : CnnPredictionTransformerBase
{
    internal CnnRegressionPredictionTransformer(Network network, string featureColumnName, string scoreColumnName,
        TrainingHistory? history, BackendKind backend, int? threads, int scoringBatchSize)
        : base(network, featureColumnName, history, backend, threads, scoringBatchSize)
    {
        if (network.OutputShape != new Shape(1))
            throw new ArgumentException($"The network outputs {network.OutputShape} per sample; a regression model outputs one value, (1).", nameof(network));
        ScoreColumnName = scoreColumnName;
    }

    public string ScoreColumnName { get; }

    private protected override IReadOnlyList<ScoreColumn> CreateScoreColumns() =>
        [ScoreColumn.Create<float>(ScoreColumnName, NumberDataViewType.Single, null, row => (ref float value) => value = row.Output[0])];

    // The network's output is the prediction as it is.
    private protected override void PostProcess(Span<float> outputs, int count) { }
}
