// The column type of decoded images (ML.NET's ImageDataViewType): values are read as MLImage.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Images;

/// <summary>
/// A column of <see cref="MLImage"/> values, optionally of a known size (0 × 0 = any size, as LoadImages produces).
/// </summary>
public sealed class ImageDataViewType : DataViewType
{
    /// <summary>Images of any size.</summary>
    public ImageDataViewType() : base(typeof(MLImage)) { }

    /// <summary>Images all <paramref name="height"/> × <paramref name="width"/>; both 0 means any size.</summary>
    public ImageDataViewType(int height, int width) : base(typeof(MLImage))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        if ((height == 0) != (width == 0))
            throw new ArgumentException($"Give both height and width, or neither (got {height} × {width}).", nameof(height));
        Height = height;
        Width = width;
    }

    /// <summary>The height of every image, or 0 when images vary.</summary>
    public int Height { get; }

    /// <summary>The width of every image, or 0 when images vary.</summary>
    public int Width { get; }

    /// <inheritdoc/>
    public override bool Equals(DataViewType? other) =>
        other is ImageDataViewType image && image.Height == Height && image.Width == Width;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Height, Width);

    /// <inheritdoc/>
    public override string ToString() => Height == 0 ? "Image" : $"Image<{Height}, {Width}>";
}
