// mlContext.Regression.Trainers.Cnn: trains a CNN with one output and mean squared error on a Single label.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Losses;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>Trains a convolutional network to predict a number per row.</summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ###  Trainer Characteristics
/// |  |  |
/// | -- | -- |
/// | Machine learning task | Regression |
/// | Is normalization required? | Scale pixels and targets to small values |
/// | Is caching required? | No: rows are streamed, one cursor per epoch |
/// | Required NuGet in addition to Microsoft.ML.Cnn | None |
/// ]]></format>
/// Label: Single (rows with a NaN or infinite label are skipped). Output: <c>Score</c>, the predicted value.
/// </remarks>
public sealed class CnnRegressionTrainer : CnnTrainerBase<CnnRegressionPredictionTransformer>
{
    private readonly Options _options;

    internal CnnRegressionTrainer(MLContext context, Options options) : base(context, options) => _options = options;

    /// <summary>The options of <see cref="CnnRegressionTrainer"/>; see <see cref="CnnTrainerOptions"/> for the shared ones.</summary>
    public sealed class Options : CnnTrainerOptions
    {
        internal override void Validate()
        {
            base.Validate();
            Require(EarlyStopping is not { Monitor: EarlyStoppingMonitor.ValidationAccuracy }, nameof(EarlyStopping),
                "EarlyStopping monitors ValidationAccuracy, which regression does not have; monitor ValidationLoss.");
        }
    }

    private protected override void CheckLabel(SchemaShape.Column label)
    {
        if (label.Kind != SchemaShape.VectorKind.Scalar || label.IsKey || !label.ItemType.Equals(NumberDataViewType.Single))
            throw SchemaErrors.Mismatch(label.Name, "a Single label", label.GetTypeString());
    }

    private protected override IEnumerable<SchemaShape.Column> OutputColumns(SchemaShape.Column label) =>
        [new(_options.ScoreColumnName, SchemaShape.VectorKind.Scalar, NumberDataViewType.Single, false)];

    private protected override CnnTask CreateTask(DataViewSchema.Column label, string dataName)
    {
        if (!label.Type.Equals(NumberDataViewType.Single))
            throw SchemaErrors.Mismatch(label.Name, $"a Single label in the {dataName}", label.Type.ToString()!);
        return new CnnTask(1, new MeanSquaredErrorLoss(), new Shape(1), LabelReaders.Single(label));
    }

    private protected override CnnRegressionPredictionTransformer CreateTransformer(CnnModelState state, DataViewSchema.Column label) =>
        new(state, _options.ScoreColumnName);
}
