// mlContext.BinaryClassification.Trainers.Cnn: trains a CNN with one logit and sigmoid cross-entropy on a Boolean
// label (or a Single label, positive above 0, or a two-valued key), as ML.NET's binary evaluator reads labels.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Losses;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>Trains a convolutional network to tell the positive class from the negative one.</summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ###  Trainer Characteristics
/// |  |  |
/// | -- | -- |
/// | Machine learning task | Binary classification |
/// | Is normalization required? | Scale pixels to small values (e.g. ExtractPixels with scaleImage 1/255) |
/// | Is caching required? | No: rows are streamed, one cursor per epoch |
/// | Required NuGet in addition to Microsoft.ML.Cnn | None |
/// ]]></format>
/// Label: Boolean; or Single (positive when above 0, NaN rows skipped); or a key with 2 values (key 2 is positive, key 0
/// rows skipped). Output: <c>Score</c> (the logit), <c>Probability</c> (its sigmoid), <c>PredictedLabel</c> (Boolean).
/// </remarks>
public sealed class CnnBinaryTrainer : CnnTrainerBase<CnnBinaryPredictionTransformer>
{
    private const string LabelExpectation = "a Boolean label (or Single, positive above 0, or a key with 2 values)";
    private readonly Options _options;

    internal CnnBinaryTrainer(MLContext context, Options options) : base(context, options) => _options = options;

    /// <summary>The options of <see cref="CnnBinaryTrainer"/>; see <see cref="CnnTrainerOptions"/> for the shared ones.</summary>
    public sealed class Options : CnnClassificationTrainerOptions
    {
        /// <summary>The probability column the fitted transformer adds. Default "Probability".</summary>
        public string ProbabilityColumnName = DefaultColumnNames.Probability;

        internal override void Validate()
        {
            base.Validate();
            Require(!string.IsNullOrEmpty(ProbabilityColumnName), nameof(ProbabilityColumnName), "ProbabilityColumnName is empty; use e.g. \"Probability\".");
            Require(ProbabilityColumnName != ScoreColumnName && ProbabilityColumnName != PredictedLabelColumnName, nameof(ProbabilityColumnName),
                $"ProbabilityColumnName '{ProbabilityColumnName}' is also the score or predicted-label column; the three must differ.");
        }
    }

    private protected override void CheckLabel(SchemaShape.Column label)
    {
        bool usable = label.Kind == SchemaShape.VectorKind.Scalar &&
            (label.IsKey || label.ItemType.Equals(BooleanDataViewType.Instance) || label.ItemType.Equals(NumberDataViewType.Single));
        if (!usable) throw SchemaErrors.Mismatch(label.Name, LabelExpectation, label.GetTypeString());
    }

    private protected override IEnumerable<SchemaShape.Column> OutputColumns(SchemaShape.Column label) =>
    [
        new(_options.ScoreColumnName, SchemaShape.VectorKind.Scalar, NumberDataViewType.Single, false),
        new(_options.ProbabilityColumnName, SchemaShape.VectorKind.Scalar, NumberDataViewType.Single, false),
        new(_options.PredictedLabelColumnName, SchemaShape.VectorKind.Scalar, BooleanDataViewType.Instance, false),
    ];

    private protected override CnnTask CreateTask(DataViewSchema.Column label, string dataName)
    {
        var reader = label.Type switch
        {
            BooleanDataViewType => LabelReaders.Boolean(label),
            NumberDataViewType n when n.Equals(NumberDataViewType.Single) => LabelReaders.PositiveSingle(label),
            KeyDataViewType { Count: 2 } => LabelReaders.Key(label),
            _ => throw SchemaErrors.Mismatch(label.Name, $"{LabelExpectation} in the {dataName}", label.Type.ToString()!),
        };
        return new CnnTask(1, new SigmoidBinaryCrossEntropyLoss(), new Shape(1), reader);
    }

    private protected override CnnBinaryPredictionTransformer CreateTransformer(CnnModelState state, DataViewSchema.Column label) =>
        new(state, _options.ScoreColumnName, _options.ProbabilityColumnName, _options.PredictedLabelColumnName);
}
