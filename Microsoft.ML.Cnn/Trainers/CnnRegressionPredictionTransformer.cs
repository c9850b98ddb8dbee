// The fitted regression Cnn: Score = the network's output.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>Appends <c>Score</c> (Single, the predicted value), as ML.NET's regression trainers do.</summary>
public sealed class CnnRegressionPredictionTransformer : CnnPredictionTransformerBase
{
    internal const string LoaderSignature = "CnnRegressionPrediction";

    internal CnnRegressionPredictionTransformer(CnnModelState state, string scoreColumnName) : base(state)
    {
        if (state.Network.OutputShape != new Shape(1))
            throw new ArgumentException($"The network outputs {state.Network.OutputShape} per sample; a regression model outputs one value, (1).", nameof(state));
        ScoreColumnName = scoreColumnName;
    }

    public string ScoreColumnName { get; }

    private protected override string Signature => LoaderSignature;

    private protected override void SaveTask(ModelStreamWriter writer) => writer.WriteString(ScoreColumnName);

    /// <summary>Rebuilds a model saved by <see cref="CnnPredictionTransformerBase.Save"/>.</summary>
    internal static CnnRegressionPredictionTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        var state = CnnModelState.Load(context);
        var reader = context.Reader;
        string score = reader.ReadString("score column");
        return Rebuild(reader, () => new CnnRegressionPredictionTransformer(state, score));
    }

    private protected override IReadOnlyList<ScoreColumn> CreateScoreColumns() =>
        [ScoreColumn.Create<float>(ScoreColumnName, NumberDataViewType.Single, null, row => (ref float value) => value = row.Output[0])];

    // The network's output is the prediction as it is.
    private protected override void PostProcess(Span<float> outputs, int count) { }
}
