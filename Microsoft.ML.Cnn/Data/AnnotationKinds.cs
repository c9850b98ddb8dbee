// The annotation kind names ML.NET uses (its AnnotationUtils.Kinds is internal, so they are re-declared here).
namespace Microsoft.ML.Cnn.Data;

/// <summary>Well-known annotation kinds, with ML.NET's exact names.</summary>
public static class AnnotationKinds
{
    /// <summary>Names of a vector column's slots: a known-size <c>VBuffer&lt;ReadOnlyMemory&lt;char&gt;&gt;</c> of the vector's size.</summary>
    public const string SlotNames = "SlotNames";

    /// <summary>The values a key column's keys stand for: a vector of key-count items, item <c>i</c> for key <c>i + 1</c>.</summary>
    public const string KeyValues = "KeyValues";

    /// <summary>
    /// This project's addition: the training-time image augmentation to apply to a feature column, an
    /// <see cref="Training.ImageAugmentation"/> of type <see cref="Training.ImageAugmentationDataViewType"/>. Set by the
    /// augmentation transforms, read by the Cnn trainers while they fit; scoring ignores it.
    /// </summary>
    public const string TrainingAugmentation = "TrainingAugmentation";
}
