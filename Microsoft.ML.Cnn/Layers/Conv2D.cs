// The 2-D convolution layer (Keras Conv2D, PyTorch Conv2d) and its depthwise form.
namespace Microsoft.ML.Cnn.Layers;

/// <summary>
/// Filters (convolution kernels) slid over the input: [N, C, H, W] to [N, filters, OH, OW] with
/// OH = floor((H + pads - d(f-1) - 1)/s) + 1. Parameters: (KH*KW*C/groups)*filters + filters (bias).
/// </summary>
public sealed class Conv2D : ConvolutionLayer
{
    /// <summary>A square kernel, e.g. <c>new Conv2D(32, 3, activation: Activation.Relu)</c>.</summary>
    public Conv2D(int filters, int kernelSize, int stride = 1, Padding? padding = null, int dilation = 1, int groups = 1,
        bool useBias = true, Activation activation = Activation.None, string? name = null)
        : this(filters, (kernelSize, kernelSize), (stride, stride), padding, (dilation, dilation), groups, useBias, activation, name) { }

    /// <summary>A rectangular kernel, with per-axis stride and dilation (default 1).</summary>
    public Conv2D(int filters, (int Height, int Width) kernel, (int Height, int Width)? stride = null, Padding? padding = null,
        (int Height, int Width)? dilation = null, int groups = 1, bool useBias = true, Activation activation = Activation.None, string? name = null)
        : base(kernel, stride ?? (1, 1), padding, dilation ?? (1, 1), useBias, activation, name)
    {
        Positive(filters, "number of filters");
        Positive(groups, "number of groups");
        if (filters % groups != 0) throw new ArgumentException($"groups {groups} must divide the {filters} filters.", nameof(groups));
        Filters = filters;
        Groups = groups;
    }

    public override string TypeName => "Conv2D";

    public int Filters { get; }

    /// <summary>Channel groups: each filter sees C/groups input channels (1 = ordinary convolution).</summary>
    public int Groups { get; }

    private protected override int OutputChannels(int inputChannels) => Filters;

    private protected override int GroupCount(int inputChannels) => Groups;
}

/// <summary>
/// One kernel per input channel (groups = channels), DepthMultiplier outputs each: the first half
/// of MobileNet's depthwise-separable block. Parameters: KH*KW*C*multiplier + C*multiplier (bias).
/// </summary>
public sealed class DepthwiseConv2D : ConvolutionLayer
{
    public DepthwiseConv2D(int kernelSize, int stride = 1, Padding? padding = null, int depthMultiplier = 1, int dilation = 1,
        bool useBias = true, Activation activation = Activation.None, string? name = null)
        : this((kernelSize, kernelSize), (stride, stride), padding, depthMultiplier, (dilation, dilation), useBias, activation, name) { }

    public DepthwiseConv2D((int Height, int Width) kernel, (int Height, int Width)? stride = null, Padding? padding = null, int depthMultiplier = 1,
        (int Height, int Width)? dilation = null, bool useBias = true, Activation activation = Activation.None, string? name = null)
        : base(kernel, stride ?? (1, 1), padding, dilation ?? (1, 1), useBias, activation, name)
    {
        Positive(depthMultiplier, "depth multiplier");
        DepthMultiplier = depthMultiplier;
    }

    public override string TypeName => "DepthwiseConv2D";

    /// <summary>Output channels per input channel.</summary>
    public int DepthMultiplier { get; }

    private protected override int OutputChannels(int inputChannels) => inputChannels * DepthMultiplier;

    private protected override int GroupCount(int inputChannels) => inputChannels;
}
