// Explicit, possibly asymmetric, zero padding of the two spatial dimensions.
namespace Microsoft.ML.Cnn.Ops;

/// <summary>Rows added above and below, columns added left and right.</summary>
public readonly record struct Padding2D(int Top, int Bottom, int Left, int Right)
{
    public static Padding2D None => default;

    public static Padding2D Symmetric(int vertical, int horizontal) => new(vertical, vertical, horizontal, horizontal);

    public bool IsNone => Top == 0 && Bottom == 0 && Left == 0 && Right == 0;

    public override string ToString() => $"(t{Top}, b{Bottom}, l{Left}, r{Right})";
}

/// <summary>The output-size rule shared by convolution and pooling.</summary>
public static class OutputSize
{
    /// <summary>out = floor((n + pBefore + pAfter - d(f-1) - 1)/s) + 1, or a message when it is not positive.</summary>
    public static int Compute(string dimension, int n, int kernel, int stride, int padBefore, int padAfter, int dilation = 1)
    {
        if (kernel <= 0 || stride <= 0 || dilation <= 0 || padBefore < 0 || padAfter < 0)
            throw new Graph.ShapeRuleException($"{dimension}: kernel {kernel}, stride {stride}, dilation {dilation} must be positive and padding ({padBefore}, {padAfter}) non-negative.");
        int span = dilation * (kernel - 1) + 1;
        int numerator = n + padBefore + padAfter - span;
        int result = numerator < 0 ? 0 : numerator / stride + 1;
        if (result <= 0)
            throw new Graph.ShapeRuleException(
                $"output {dimension} = floor((n + pBefore + pAfter - d(f-1) - 1)/s) + 1 = floor(({n} + {padBefore} + {padAfter} - {dilation}*({kernel}-1) - 1)/{stride}) + 1 " +
                $"is not positive: the kernel spans {span} {(dimension == "height" ? "rows" : "columns")} but the padded input has only {n + padBefore + padAfter}. " +
                "Use a smaller kernel, more padding, less pooling before this layer, or a larger input.");
        return result;
    }

    /// <summary>
    /// The rows (or columns) to add after the input so that the floor rule above gives PyTorch's ceil_mode size:
    /// out = ceil((n + pBefore + pAfter - k)/s) + 1, less one when the last window would start at or beyond
    /// n + pBefore (in padded coordinates: it would see only padding). Zero when the floor and ceiling agree,
    /// or when no window starts inside the input (the output-size rule then reports it). Only for max pooling, where padded positions
    /// never win: the extra positions change which windows exist, never a window's maximum.
    /// </summary>
    public static int CeilModeExtraPadding(int n, int kernel, int stride, int padBefore, int padAfter)
    {
        if (stride <= 0 || kernel <= 0) return 0;
        // PyTorch rounds toward minus infinity, so a window wider than the padded input still gives one output
        // (e.g. GoogLeNet's 3x3 maxpool3 on 2x2), as long as it starts inside the input.
        int output = (int)Math.Floor((n + padBefore + padAfter - kernel + stride - 1) / (double)stride) + 1;
        if (output > 0 && (output - 1) * stride >= n + padBefore) output--;
        if (output <= 0) return 0;
        return Math.Max((output - 1) * stride + kernel - (n + padBefore + padAfter), 0);
    }
}
