// The ONNX export table: one row per op of an inference graph, giving the opset-17 node(s) it becomes. A new op needs
// a row here, or a line in WhyNotExportable saying why it has none (OnnxOpTableTests checks that every op has one).
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Onnx;

/// <summary>Where one op is exported: the builder, the emitting layer's name, the ONNX names of its inputs, and the name its output must take (or null for a fresh one).</summary>
internal readonly record struct OnnxOpSite(OnnxGraphBuilder Builder, string Scope, IReadOnlyList<string> Inputs, string? Output)
{
    /// <summary>One node over the site's inputs, writing the site's output; returns the output's name.</summary>
    public string Node(string opType, params OnnxAttribute[] attributes) => Builder.AddNode(opType, Scope, Inputs, Output, attributes);

    /// <summary>A node over the site's inputs whose output feeds the next node instead of being the site's output.</summary>
    public OnnxOpSite Then(string opType, params OnnxAttribute[] attributes) => this with { Inputs = [Builder.AddNode(opType, Scope, Inputs, null, attributes)] };

    /// <summary>The site with one more input (e.g. a shape initializer).</summary>
    public OnnxOpSite With(string input) => this with { Inputs = [.. Inputs, input] };
}

internal static class OnnxOpTable
{
    private static readonly OnnxAttribute Axis1 = OnnxAttribute.Of("axis", 1L);

    /// <summary>
    /// Emits <paramref name="op"/>'s nodes and returns the name of its output, or null when the op has no mapping.
    /// Inputs arrive in the op's order, which is ONNX's for every row (x, weight, bias; x, scale, bias, mean, variance).
    /// </summary>
    public static string? Emit(Op op, OnnxOpSite site) => op switch
    {
        Conv2D conv => site.Node("Conv", ConvolutionAttributes(conv.Geometry)),
        Dense => site.Node("Gemm", OnnxAttribute.Of("transB", 1L)), // weight [units, features], as Gemm's B transposed
        MaxPool2D pool => site.Node("MaxPool", PoolingAttributes(pool.Geometry)),
        AvgPool2D pool => site.Node("AveragePool", [.. PoolingAttributes(pool.Geometry), OnnxAttribute.Of("count_include_pad", pool.CountIncludesPadding ? 1L : 0L)]),
        L2Pool2D pool => site.Node("LpPool", [.. PoolingAttributes(pool.Geometry), OnnxAttribute.Of("p", 2L)]), // padding adds zeros
        GlobalAvgPool => site.Then("GlobalAveragePool").Node("Flatten", Axis1), // [N, C, 1, 1] to the engine's [N, C]
        LocalResponseNorm lrn => OnnxLocalResponseNormLowering.Emit(lrn, site),
        BatchNormInference bn => site.Node("BatchNormalization", OnnxAttribute.Of("epsilon", bn.Epsilon)),
        Eltwise eltwise => Activation(eltwise, site),
        Softmax => site.Node("Softmax", Axis1),
        Add => site.Node("Add"),
        Concat => site.Node("Concat", Axis1),
        Reshape { Target.Rank: 2 } => site.Node("Flatten", Axis1), // C, H, W row-major, as the engine flattens
        Reshape reshape => site.With(site.Builder.AddInitializer($"{site.Scope}.shape", [reshape.Target.Rank], TargetShape(reshape.Target))).Node("Reshape"),
        _ => null,
    };

    /// <summary>Why <paramref name="op"/> has no ONNX form, or null when it has one (or is an input or parameter, which become graph inputs and initializers).</summary>
    public static string? WhyNotExportable(Op op) => op switch
    {
        BackwardOp => "it is a gradient op, which only training graphs contain",
        Ops.Dropout => "it is training-time dropout; inference graphs contain none (the Dropout layer is the identity there)",
        BatchNormTraining => "it normalizes with batch statistics, which only training graphs do; inference graphs use the running statistics",
        SoftmaxCrossEntropy or SigmoidCrossEntropy or MeanSquaredError => "it is a loss, which only training graphs contain",
        Fill => "constant fills only seed training graphs' gradients",
        _ => null,
    };

    private static OnnxAttribute[] ConvolutionAttributes(Conv2DGeometry g) =>
    [
        OnnxAttribute.Of("kernel_shape", g.KernelHeight, g.KernelWidth),
        OnnxAttribute.Of("strides", g.StrideHeight, g.StrideWidth),
        Pads(g.Padding),
        OnnxAttribute.Of("dilations", g.DilationHeight, g.DilationWidth),
        OnnxAttribute.Of("group", (long)g.Groups),
    ];

    private static OnnxAttribute[] PoolingAttributes(Pool2DGeometry g) =>
    [
        OnnxAttribute.Of("kernel_shape", g.KernelHeight, g.KernelWidth),
        OnnxAttribute.Of("strides", g.StrideHeight, g.StrideWidth),
        Pads(g.Padding),
    ];

    // ONNX orders pads as every axis's start, then every axis's end: [top, left, bottom, right].
    private static OnnxAttribute Pads(Padding2D p) => OnnxAttribute.Of("pads", p.Top, p.Left, p.Bottom, p.Right);

    private static string Activation(Eltwise eltwise, OnnxOpSite site) => eltwise.Function switch
    {
        EltwiseFunction.Relu => site.Node("Relu"),
        EltwiseFunction.LeakyRelu => site.Node("LeakyRelu", OnnxAttribute.Of("alpha", eltwise.Alpha)),
        EltwiseFunction.Elu => site.Node("Elu", OnnxAttribute.Of("alpha", eltwise.Alpha)),
        EltwiseFunction.Sigmoid => site.Node("Sigmoid"),
        EltwiseFunction.Tanh => site.Node("Tanh"),
        _ => throw new ArgumentOutOfRangeException(nameof(eltwise), eltwise.Function, "Unknown elementwise function."),
    };

    // Reshape's shape input: 0 copies the input's batch size (allowzero = 0), then the per-sample dimensions.
    private static long[] TargetShape(Shape target)
    {
        var shape = new long[target.Rank];
        for (int i = 1; i < shape.Length; i++) shape[i] = target[i];
        return shape;
    }
}
