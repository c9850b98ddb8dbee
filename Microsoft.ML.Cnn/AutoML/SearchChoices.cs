// The non-numeric settings a search chooses among: the optimizer and the training-time augmentation.
namespace Microsoft.ML.Cnn.AutoML;

/// <summary>The update rule of a trial.</summary>
public enum OptimizerKind
{
    /// <summary>Adam; weight decay is coupled L2 (added to the gradient).</summary>
    Adam,
    /// <summary>AdamW; weight decay is decoupled (w *= 1 - lr * decay).</summary>
    AdamW,
    /// <summary>SGD with Nesterov momentum 0.9; weight decay is coupled L2.</summary>
    SgdNesterov,
    /// <summary>RMSProp (rho 0.99); weight decay is coupled L2.</summary>
    RmsProp,
}

/// <summary>The random changes made to training images (never to validation or scored images).</summary>
public enum AugmentationKind
{
    /// <summary>Images are used as they are.</summary>
    None,
    /// <summary>Left-right mirroring with probability 1/2 (for subjects without a handedness: clothes, animals; not digits or text).</summary>
    HorizontalFlip,
    /// <summary>Zero-padding by 1/8 of the side (at least 1 pixel) and a random crop back: shifts of up to that many pixels.</summary>
    RandomCrop,
    /// <summary>Both <see cref="HorizontalFlip"/> and <see cref="RandomCrop"/>.</summary>
    HorizontalFlipAndRandomCrop,
}
