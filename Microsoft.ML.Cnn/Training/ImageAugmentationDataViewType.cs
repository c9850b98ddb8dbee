// The annotation type that carries a training-time augmentation on a feature column from the augmentation transforms
// to the Cnn trainers (annotations survive caching, shuffling and other column transforms).
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Training;

/// <summary>The type of the <see cref="AnnotationKinds.TrainingAugmentation"/> annotation: values are <see cref="ImageAugmentation"/>.</summary>
public sealed class ImageAugmentationDataViewType : DataViewType
{
    private ImageAugmentationDataViewType() : base(typeof(ImageAugmentation)) { }

    /// <summary>The single instance.</summary>
    public static ImageAugmentationDataViewType Instance { get; } = new();

    /// <inheritdoc/>
    public override bool Equals(DataViewType? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => typeof(ImageAugmentation).GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => "ImageAugmentation";
}
