// mlContext.Transforms.RandomHorizontalFlip / RandomCrop / RandomTranslation: an estimator that learns nothing and
// returns an ImageAugmentingTransformer. Fit checks the full input schema, because the (C, H, W) dimensions an
// augmentation is validated against are not part of a SchemaShape.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Transforms.Augmentation;

/// <summary>Adds a training-time augmentation to an image feature column.</summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ###  Estimator Characteristics
/// |  |  |
/// | -- | -- |
/// | Does this estimator need to look at the data to train its parameters? | No |
/// | Input column data type | Known-size vector of Single, dimensions (C, H, W) |
/// | Output column data type | The input column, unchanged, with the TrainingAugmentation annotation |
/// ]]></format>
/// The values are never changed here: <c>Transform</c> (and so scoring and evaluation) sees the images as they are.
/// The Cnn trainers read <see cref="AnnotationKinds.TrainingAugmentation"/> from their feature column and augment
/// each training batch, drawing flips and shifts from the training seed. Several augmentation steps on one column
/// combine into one <see cref="ImageAugmentation"/>; the column must keep its name up to the trainer, and planar
/// (C, H, W) layout (interleaved pixels would be flipped and shifted wrongly, and cannot be told apart by type).
/// </remarks>
public sealed class ImageAugmentingEstimator : IEstimator<ImageAugmentingTransformer>
{
    private readonly ImageAugmentingTransformer _transformer;

    /// <summary>Adds <paramref name="augmentation"/> to <paramref name="columnName"/>.</summary>
    public ImageAugmentingEstimator(string columnName, ImageAugmentation augmentation) =>
        _transformer = new ImageAugmentingTransformer(columnName, augmentation);

    /// <summary>Checks the column (type, dimensions, compatibility with earlier augmentation) and returns the transformer.</summary>
    public ImageAugmentingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(SchemaShape.Create(input.Schema));
        _transformer.GetOutputSchema(input.Schema);
        return _transformer;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var input = SchemaErrors.Find(inputSchema, _transformer.ColumnName);
        if (input.Kind != SchemaShape.VectorKind.Vector || input.IsKey || input.ItemType != NumberDataViewType.Single)
            throw SchemaErrors.Mismatch(input.Name, ImageAugmentingTransformer.ExpectedInput, input.GetTypeString());
        var annotations = new List<SchemaShape.Column>(input.Annotations);
        annotations.RemoveAll(c => c.Name == AnnotationKinds.TrainingAugmentation);
        annotations.Add(new SchemaShape.Column(AnnotationKinds.TrainingAugmentation, SchemaShape.VectorKind.Scalar, ImageAugmentationDataViewType.Instance, false));
        var result = new List<SchemaShape.Column>(inputSchema);
        result.RemoveAll(c => c.Name == input.Name);
        result.Add(new SchemaShape.Column(input.Name, input.Kind, input.ItemType, false, new SchemaShape(annotations)));
        return new SchemaShape(result);
    }
}
