// How a convolution or pooling layer pads its input: none, TensorFlow's "same" rule, or explicit amounts.
// It resolves to an Ops.Padding2D once the input's spatial size is known.
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>The kind of a <see cref="Padding"/>. Persisted: values are pinned.</summary>
public enum PaddingMode : byte
{
    /// <summary>No padding: windows stay inside the input.</summary>
    Valid = 0,
    /// <summary>TensorFlow's rule: out = ceil(n/s), the extra row or column (if any) at the bottom or right.</summary>
    Same = 1,
    /// <summary>Fixed rows and columns on each side.</summary>
    Explicit = 2,
}

/// <summary>
/// Padding of a convolution or pooling layer: <see cref="Valid"/>, <see cref="Same"/> or
/// <see cref="Explicit(int, int, int, int)"/>. Two paddings are equal when they pad the same way.
/// </summary>
public sealed record Padding
{
    private Padding(PaddingMode mode, Padding2D amounts)
    {
        Mode = mode;
        Amounts = amounts;
    }

    /// <summary>No padding (Keras "valid").</summary>
    public static Padding Valid { get; } = new(PaddingMode.Valid, Padding2D.None);

    /// <summary>
    /// TensorFlow's "same": out = ceil(n/s) and total = max((out-1)s + d(f-1) + 1 - n, 0), split with the
    /// smaller half at the top/left (so an odd total puts the extra row at the bottom and the extra column at the right).
    /// </summary>
    public static Padding Same { get; } = new(PaddingMode.Same, Padding2D.None);

    public PaddingMode Mode { get; }

    /// <summary>The fixed amounts of an explicit padding (zero for the other modes).</summary>
    public Padding2D Amounts { get; }

    /// <summary>Fixed rows above and below, columns left and right.</summary>
    public static Padding Explicit(int top, int bottom, int left, int right)
    {
        if (top < 0 || bottom < 0 || left < 0 || right < 0)
            throw new ArgumentOutOfRangeException(nameof(top), $"Padding ({top}, {bottom}, {left}, {right}) must not be negative.");
        return new Padding(PaddingMode.Explicit, new Padding2D(top, bottom, left, right));
    }

    /// <summary>The same number of rows and columns on every side, e.g. 2 for LeNet-5's 28x28 inputs.</summary>
    public static Padding Explicit(int all) => Explicit(all, all, all, all);

    /// <summary>The amounts for an input of <paramref name="height"/> x <paramref name="width"/>.</summary>
    public Padding2D Resolve(int height, int width, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth, int dilationHeight = 1, int dilationWidth = 1)
    {
        if (Mode != PaddingMode.Same) return Amounts;
        var (top, bottom) = SameAmounts(height, kernelHeight, strideHeight, dilationHeight);
        var (left, right) = SameAmounts(width, kernelWidth, strideWidth, dilationWidth);
        return new Padding2D(top, bottom, left, right);
    }

    private static (int Before, int After) SameAmounts(int n, int kernel, int stride, int dilation)
    {
        if (n == Graph.Shape.Batch || stride <= 0) return (0, 0); // the op's shape rule reports bad sizes
        int output = (n + stride - 1) / stride;
        int total = Math.Max((output - 1) * stride + dilation * (kernel - 1) + 1 - n, 0);
        return (total / 2, total - total / 2);
    }

    public override string ToString() => Mode == PaddingMode.Explicit ? $"explicit {Amounts}" : Mode.ToString().ToLowerInvariant();
}
