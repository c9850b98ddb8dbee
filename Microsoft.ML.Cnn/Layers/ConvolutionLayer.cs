// The shared body of Conv2D and DepthwiseConv2D: kernel geometry, padding resolution, parameters and lowering.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Initializers;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>
/// A 2-D convolution layer: weight [K, C/groups, KH, KW] (He-normal for ReLU-like activations, Glorot-uniform
/// otherwise), zero bias [K], and an optional activation emitted as a separate op after the convolution.
/// </summary>
public abstract class ConvolutionLayer : Layer
{
    private protected ConvolutionLayer((int Height, int Width) kernel, (int Height, int Width) stride, Padding? padding,
        (int Height, int Width) dilation, bool useBias, Activation activation, string? name) : base(name)
    {
        Positive(kernel.Height, "kernel height"); Positive(kernel.Width, "kernel width");
        Positive(stride.Height, "stride height"); Positive(stride.Width, "stride width");
        Positive(dilation.Height, "dilation height"); Positive(dilation.Width, "dilation width");
        ActivationOps.Validate(activation, nameof(activation));
        Kernel = kernel;
        Stride = stride;
        Padding = padding ?? Padding.Valid;
        Dilation = dilation;
        UseBias = useBias;
        Activation = activation;
    }

    public (int Height, int Width) Kernel { get; }

    public (int Height, int Width) Stride { get; }

    public Padding Padding { get; }

    public (int Height, int Width) Dilation { get; }

    public bool UseBias { get; }

    public Activation Activation { get; }

    /// <summary>The kernel [K, C/groups, KH, KW], once built.</summary>
    public Parameter? Weight { get; private set; }

    /// <summary>The bias [K], once built with <see cref="UseBias"/>.</summary>
    public Parameter? Bias { get; private set; }

    /// <summary>Number of output channels K for <paramref name="inputChannels"/> input channels.</summary>
    private protected abstract int OutputChannels(int inputChannels);

    /// <summary>Number of groups for <paramref name="inputChannels"/> input channels.</summary>
    private protected abstract int GroupCount(int inputChannels);

    protected override void Build(IReadOnlyList<Shape> inputShapes)
    {
        var x = inputShapes[0];
        if (x.Rank != 4) throw new ShapeRuleException($"{TypeName} expects images [N, C, H, W], got {x}.");
        int channels = x[1], filters = OutputChannels(channels), groups = GroupCount(channels);
        if (channels % groups != 0) throw new ShapeRuleException($"groups {groups} must divide the {channels} input channels.");
        if (filters % groups != 0) throw new ShapeRuleException($"groups {groups} must divide the {filters} filters.");
        int window = Kernel.Height * Kernel.Width;
        IInitializer init = ActivationOps.IsReluLike(Activation) ? new HeNormal() : new GlorotUniform();
        Weight = AddParameter("weight", new Shape(filters, channels / groups, Kernel.Height, Kernel.Width), ParameterRole.Weight, init,
            fanIn: channels / groups * window, fanOut: filters / groups * window);
        if (UseBias) Bias = AddParameter("bias", new Shape(filters), ParameterRole.Bias, new Zeros());
    }

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs)
    {
        var x = inputs[0];
        var geometry = new Conv2DGeometry(Kernel.Height, Kernel.Width, Stride.Height, Stride.Width,
            Padding.Resolve(x.Shape[2], x.Shape[3], Kernel.Height, Kernel.Width, Stride.Height, Stride.Width, Dilation.Height, Dilation.Width),
            Dilation.Height, Dilation.Width, GroupCount(x.Shape[1]));
        var y = Bias is null
            ? context.Emit(new Ops.Conv2D(geometry, false), x, context.Read(Weight!))
            : context.Emit(new Ops.Conv2D(geometry, true), x, context.Read(Weight!), context.Read(Bias));
        return ActivationOps.Emit(context, y, Activation);
    }

    private protected static void Positive(int value, string what)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(what, value, $"The {what} must be positive, got {value}.");
    }
}
