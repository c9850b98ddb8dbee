// The fitted binary Cnn: Score = the logit, Probability = its sigmoid, PredictedLabel = Probability > 0.5, the
// columns ML.NET's calibrated binary classifiers write.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>
/// Appends <c>Score</c> (Single, the network's logit), <c>Probability</c> (Single, sigmoid of the logit) and
/// <c>PredictedLabel</c> (Boolean, true when the probability exceeds 0.5).
/// </summary>
public sealed class CnnBinaryPredictionTransformer : CnnPredictionTransformerBase
{
    internal const string LoaderSignature = "CnnBinaryPrediction";

    internal CnnBinaryPredictionTransformer(CnnModelState state, string scoreColumnName, string probabilityColumnName, string predictedLabelColumnName)
        : base(state)
    {
        if (state.Network.OutputShape != new Shape(1))
            throw new ArgumentException($"The network outputs {state.Network.OutputShape} per sample; a binary classifier outputs one logit, (1).", nameof(state));
        ScoreColumnName = scoreColumnName;
        ProbabilityColumnName = probabilityColumnName;
        PredictedLabelColumnName = predictedLabelColumnName;
    }

    public string ScoreColumnName { get; }

    public string ProbabilityColumnName { get; }

    public string PredictedLabelColumnName { get; }

    /// <summary>The probability of the positive class for a logit.</summary>
    internal static float Sigmoid(float logit) => 1f / (1f + MathF.Exp(-logit));

    private protected override string Signature => LoaderSignature;

    private protected override void SaveTask(ModelStreamWriter writer) => writer.WriteStrings([ScoreColumnName, ProbabilityColumnName, PredictedLabelColumnName]);

    /// <summary>Rebuilds a model saved by <see cref="CnnPredictionTransformerBase.Save"/>.</summary>
    internal static CnnBinaryPredictionTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        var state = CnnModelState.Load(context);
        var reader = context.Reader;
        var names = reader.ReadStrings("output column names");
        if (names.Length != 3) throw reader.Invalid($"{names.Length} output column names, not 3.");
        return Rebuild(reader, () => new CnnBinaryPredictionTransformer(state, names[0], names[1], names[2]));
    }

    private protected override IReadOnlyList<ScoreColumn> CreateScoreColumns() =>
    [
        ScoreColumn.Create<float>(ScoreColumnName, NumberDataViewType.Single, null, row => (ref float value) => value = row.Output[0]),
        ScoreColumn.Create<float>(ProbabilityColumnName, NumberDataViewType.Single, null, row => (ref float value) => value = Sigmoid(row.Output[0])),
        ScoreColumn.Create<bool>(PredictedLabelColumnName, BooleanDataViewType.Instance, null, row => (ref bool value) => value = Sigmoid(row.Output[0]) > 0.5f),
    ];

    // The logit is the score as it is.
    private protected override void PostProcess(Span<float> outputs, int count) { }
}
