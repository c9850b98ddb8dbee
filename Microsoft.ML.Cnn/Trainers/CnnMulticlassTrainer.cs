// mlContext.MulticlassClassification.Trainers.Cnn: trains a CNN on a key label (from MapValueToKey) with softmax
// cross-entropy; the model scores class probabilities and predicts the label's key.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Losses;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>Trains a convolutional network to classify rows into the K classes of a key label.</summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ###  Trainer Characteristics
/// |  |  |
/// | -- | -- |
/// | Machine learning task | Multiclass classification |
/// | Is normalization required? | Scale pixels to small values (e.g. ExtractPixels with scaleImage 1/255) |
/// | Is caching required? | No: rows are streamed, one cursor per epoch |
/// | Required NuGet in addition to Microsoft.ML.Cnn | None |
/// ]]></format>
/// Input: the label, a key type (K classes; key 0 rows are skipped), and the features, a known-size Single vector
/// (C, H, W). Output: <c>Score</c>, <c>Vector&lt;Single, K&gt;</c> class probabilities whose slot names are the label's
/// key values, and <c>PredictedLabel</c>, the label's key type with its key values (apply MapKeyToValue to get names).
/// </remarks>
public sealed class CnnMulticlassTrainer : CnnTrainerBase<CnnMulticlassPredictionTransformer>
{
    private readonly Options _options;

    internal CnnMulticlassTrainer(MLContext context, Options options) : base(context, options) => _options = options;

    /// <summary>The options of <see cref="CnnMulticlassTrainer"/>; see <see cref="CnnTrainerOptions"/> for the shared ones.</summary>
    public sealed class Options : CnnClassificationTrainerOptions
    {
        /// <summary>Label smoothing of the cross-entropy, in [0, 1); 0 (default) for none.</summary>
        public float LabelSmoothing;

        internal override void Validate()
        {
            base.Validate();
            Require(LabelSmoothing is >= 0f and < 1f, nameof(LabelSmoothing), $"LabelSmoothing is {LabelSmoothing}; use a value in [0, 1), e.g. 0.1, or 0 for none.");
        }
    }

    private protected override void CheckLabel(SchemaShape.Column label)
    {
        if (label.Kind != SchemaShape.VectorKind.Scalar || !label.IsKey) throw NotAKey(label.Name, label.GetTypeString());
    }

    private protected override IEnumerable<SchemaShape.Column> OutputColumns(SchemaShape.Column label)
    {
        // As the transformer does: names come only from a known-size KeyValues vector.
        bool named = label.Annotations.TryFindColumn(AnnotationKinds.KeyValues, out var keyValues) && keyValues.Kind == SchemaShape.VectorKind.Vector;
        var slotNames = new SchemaShape(named ? [new SchemaShape.Column(AnnotationKinds.SlotNames, SchemaShape.VectorKind.Vector, TextDataViewType.Instance, false)] : []);
        yield return new SchemaShape.Column(_options.ScoreColumnName, SchemaShape.VectorKind.Vector, NumberDataViewType.Single, false, slotNames);
        yield return new SchemaShape.Column(_options.PredictedLabelColumnName, SchemaShape.VectorKind.Scalar, label.ItemType, true, new SchemaShape(named ? [keyValues] : []));
    }

    private protected override CnnTask CreateTask(DataViewSchema.Column label, string dataName)
    {
        if (label.Type is not KeyDataViewType key) throw NotAKey(label.Name, label.Type.ToString()!);
        if (key.Count < 2 || key.Count > int.MaxValue)
            throw SchemaErrors.Mismatch(label.Name, $"a key of 2 or more classes in the {dataName}", key.ToString());
        return new CnnTask((int)key.Count, new SoftmaxCrossEntropyLoss(_options.LabelSmoothing), Shape.Scalar, LabelReaders.Key(label));
    }

    private protected override CnnMulticlassPredictionTransformer CreateTransformer(CnnModelState state, DataViewSchema.Column label) =>
        new(state, (KeyDataViewType)label.Type, LabelKeyValues.Capture(label), _options.ScoreColumnName, _options.PredictedLabelColumnName);

    private static ArgumentOutOfRangeException NotAKey(string name, string actual) => SchemaErrors.Mismatch(name,
        $"a key label (map the label column to keys first: mlContext.Transforms.Conversion.MapValueToKey(\"{name}\"))", actual);
}
