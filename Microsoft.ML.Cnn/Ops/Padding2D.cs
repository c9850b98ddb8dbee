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
}
