// The fitted binary Cnn: Score = the logit, Probability = its sigmoid, PredictedLabel = Probability > 0.5, the
// columns ML.NET's calibrated binary classifiers write.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>
/// Appends <c>Score</c> (Single, the network's logit), <c>Probability</c> (Single, sigmoid of the logit) and
/// <c>PredictedLabel</c> (Boolean, true when the probability exceeds 0.5).
/// </summary>
public sealed class CnnBinaryPredictionTransformer : CnnPredictionTransformerBase
{
    internal CnnBinaryPredictionTransformer(Network network, string featureColumnName, string scoreColumnName, string probabilityColumnName,
        string predictedLabelColumnName, TrainingHistory? history, BackendKind backend, int? threads, int scoringBatchSize)
        : base(network, featureColumnName, history, backend, threads, scoringBatchSize)
    {
        if (network.OutputShape != new Shape(1))
            throw new ArgumentException($"The network outputs {network.OutputShape} per sample; a binary classifier outputs one logit, (1).", nameof(network));
        ScoreColumnName = scoreColumnName;
        ProbabilityColumnName = probabilityColumnName;
        PredictedLabelColumnName = predictedLabelColumnName;
    }

    public string ScoreColumnName { get; }

    public string ProbabilityColumnName { get; }

    public string PredictedLabelColumnName { get; }

    /// <summary>The probability of the positive class for a logit.</summary>
    internal static float Sigmoid(float logit) => 1f / (1f + MathF.Exp(-logit));

    private protected override IReadOnlyList<ScoreColumn> CreateScoreColumns() =>
    [
        ScoreColumn.Create<float>(ScoreColumnName, NumberDataViewType.Single, null, row => (ref float value) => value = row.Output[0]),
        ScoreColumn.Create<float>(ProbabilityColumnName, NumberDataViewType.Single, null, row => (ref float value) => value = Sigmoid(row.Output[0])),
        ScoreColumn.Create<bool>(PredictedLabelColumnName, BooleanDataViewType.Instance, null, row => (ref bool value) => value = Sigmoid(row.Output[0]) > 0.5f),
    ];

    // The logit is the score as it is.
    private protected override void PostProcess(Span<float> outputs, int count) { }
}
