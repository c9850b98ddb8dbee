// What LoadImages does with a row whose image cannot be decoded: never a silent substitute image.
namespace Microsoft.ML.Cnn.Transforms.Image;

/// <summary>How <see cref="ImageLoadingTransformer"/> treats a corrupt, truncated, unsupported, missing or oversized image.</summary>
public enum InvalidImageHandling
{
    /// <summary>Reading the row throws, naming the path (or column) and the row. The default.</summary>
    Fail,

    /// <summary>
    /// The row is dropped from the output, with a warning in <see cref="MLContext.Log"/> naming it and counting the rows
    /// dropped so far by that cursor. Each row is then decoded as the cursor reaches it, whether or not the image is read.
    /// </summary>
    SkipRow,
}
