// The op test table (JAX's LAX_GRAD_OPS): one row per op configuration. OpForwardTests checks every row against
// NaiveReference and OpGradientTests gradient-checks every differentiable row, on every test backend.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Tests.TestSupport;
using static Microsoft.ML.Cnn.Tests.TestSupport.InputSpec;

namespace Microsoft.ML.Cnn.Tests.Ops;

/// <summary>
/// One row: a unique name, the op, its inputs, the forward tolerance (|actual - expected| &lt;= tol (1 + |expected|)),
/// whether the gradient check applies and its finite-difference step.
/// </summary>
public sealed record OpSpec(string Name, Op Op, InputSpec[] Inputs, double Tolerance = 1e-5, bool CheckGradient = true, double Epsilon = 1e-3)
{
    /// <summary>A seed derived from the name (stable across runs and platforms, unlike string.GetHashCode).</summary>
    public long Seed => Name.Aggregate(17L, (hash, c) => hash * 31 + c);

    public override string ToString() => Name;
}

public static class OpSpecs
{
    private static Pool2DGeometry Pool(int k, int s, Padding2D padding = default) => new(k, k, s, s, padding);

    private static Conv2DGeometry Conv(int k, int stride = 1, Padding2D padding = default, int dilation = 1, int groups = 1) =>
        new(k, k, stride, stride, padding, dilation, dilation, groups);

    public static IReadOnlyList<OpSpec> All { get; } =
    [
        // Structure
        new("Reshape image to flat", new Reshape(Shape.Batched(48)), [X(2, 3, 4, 4)]),
        new("Reshape flat to image", new Reshape(Shape.Batched(3, 2, 2)), [X(2, 12)]),
        new("Add images", new Add(), [X(2, 3, 4, 4), X(2, 3, 4, 4)]),
        new("Concat two images", new Concat(), [X(2, 2, 3, 3), X(2, 3, 3, 3)]),
        new("Concat three flat", new Concat(), [X(3, 2), X(3, 4), X(3, 1)]),
        new("SliceAxis1 image", new SliceAxis1(1, 2), [X(2, 4, 3, 3)], CheckGradient: false),
        new("SliceAxis1 flat", new SliceAxis1(0, 3), [X(3, 5)], CheckGradient: false),

        // Pooling: stride, asymmetric padding, non-square windows
        new("MaxPool2D 2x2 stride 2", new MaxPool2D(Pool(2, 2)), [Distinct(2, 3, 6, 6)]),
        new("MaxPool2D 3x3 stride 2 pad 1", new MaxPool2D(Pool(3, 2, Padding2D.Symmetric(1, 1))), [Distinct(2, 2, 7, 7)]),
        new("MaxPool2D 3x3 stride 1 asymmetric pad", new MaxPool2D(Pool(3, 1, new Padding2D(1, 0, 0, 2))), [Distinct(1, 2, 5, 6)]),
        new("MaxPool2D 2x3 stride 1x2", new MaxPool2D(new Pool2DGeometry(2, 3, 1, 2, Padding2D.None)), [Distinct(2, 1, 5, 7)]),
        new("MaxPool2D 3x3 stride 2 odd input", new MaxPool2D(Pool(3, 2)), [Distinct(1, 3, 8, 9)]),
        new("MaxPool2D 3x3 stride 2 ceil-mode padding", new MaxPool2D(Pool(3, 2, new Padding2D(0, 1, 1, 2))), [Distinct(2, 2, 8, 8)]),
        new("AvgPool2D 2x2 stride 2", new AvgPool2D(Pool(2, 2), true), [X(2, 3, 6, 6)]),
        new("AvgPool2D 3x3 stride 2 pad 1 counting padding", new AvgPool2D(Pool(3, 2, Padding2D.Symmetric(1, 1)), true), [X(2, 2, 7, 7)]),
        new("AvgPool2D 3x3 stride 2 pad 1 excluding padding", new AvgPool2D(Pool(3, 2, Padding2D.Symmetric(1, 1)), false), [X(2, 2, 7, 7)]),
        new("AvgPool2D 3x3 asymmetric pad excluding padding", new AvgPool2D(Pool(3, 1, new Padding2D(0, 2, 1, 0)), false), [X(1, 2, 5, 6)]),
        new("AvgPool2D 3x2 stride 2x1 asymmetric pad counting padding",
            new AvgPool2D(new Pool2DGeometry(3, 2, 2, 1, new Padding2D(1, 0, 0, 1)), true), [X(2, 1, 6, 5)]),
        new("L2Pool2D 2x2 stride 2", new L2Pool2D(Pool(2, 2)), [X(2, 3, 6, 6)]),
        new("L2Pool2D 3x3 stride 2 pad 1", new L2Pool2D(Pool(3, 2, Padding2D.Symmetric(1, 1))), [X(2, 2, 7, 7)]),
        new("L2Pool2D 3x2 stride 1x2 asymmetric pad", new L2Pool2D(new Pool2DGeometry(3, 2, 1, 2, new Padding2D(1, 0, 0, 1))), [X(1, 2, 5, 6)]),
        // sqrt has no derivative at 0, so the all-zero row is forward only (L2Pool2DKernelTests checks its gradient is 0).
        new("L2Pool2D all zeros", new L2Pool2D(Pool(3, 1, Padding2D.Symmetric(1, 1))), [X(0f, 0f, 1, 2, 4, 4)], CheckGradient: false),
        new("GlobalAvgPool", new GlobalAvgPool(), [X(2, 3, 4, 5)]),

        // Eltwise
        new("Relu", new Eltwise(EltwiseFunction.Relu), [AwayFromZero(2, 3, 4)]),
        new("LeakyRelu", new Eltwise(EltwiseFunction.LeakyRelu, 0.1f), [AwayFromZero(2, 3, 4)]),
        new("Elu", new Eltwise(EltwiseFunction.Elu, 1f), [AwayFromZero(2, 3, 4)]),
        new("Elu alpha 0.5", new Eltwise(EltwiseFunction.Elu, 0.5f), [AwayFromZero(3, 5)]),
        new("Sigmoid", new Eltwise(EltwiseFunction.Sigmoid), [X(-4f, 4f, 2, 3, 4)]),
        new("Tanh", new Eltwise(EltwiseFunction.Tanh), [X(-3f, 3f, 2, 3, 4)]),

        // Softmax
        new("Softmax", new Softmax(), [X(-3f, 3f, 3, 5)]),
        new("Softmax large logits", new Softmax(), [X(80f, 100f, 2, 4)], Epsilon: 1e-2),

        // Batch norm, rank 4 and rank 2
        new("BatchNormTraining image", new BatchNormTraining(1e-5f), [X(3, 2, 3, 3), Weight(2), Weight(2)], Tolerance: 1e-4),
        new("BatchNormTraining flat", new BatchNormTraining(1e-3f), [X(-2f, 3f, 5, 3), Weight(3), Weight(3)], Tolerance: 1e-4),
        new("BatchNormInference image", new BatchNormInference(1e-5f),
            [X(2, 3, 2, 2), Constant(0.5f, 1.5f, 3), Constant(-1f, 1f, 3), Constant(-0.5f, 0.5f, 3), Constant(0.5f, 2f, 3)], Tolerance: 1e-4),
        new("BatchNormInference flat", new BatchNormInference(1e-3f),
            [X(4, 3), Constant(0.5f, 1.5f, 3), Constant(-1f, 1f, 3), Constant(-0.5f, 0.5f, 3), Constant(0.5f, 2f, 3)], Tolerance: 1e-4),

        // Local response normalization: odd sizes (oneDNN's primitive) and even sizes (PyTorch's off-centre window), a
        // size wider than the channels, and a large alpha so the normalization term matters in the gradient check.
        new("LocalResponseNorm size 5 AlexNet", new LocalResponseNorm(5, 5e-4f, 0.75f, 2f), [X(-3f, 3f, 2, 7, 3, 3)]),
        new("LocalResponseNorm size 5 strong", new LocalResponseNorm(5, 2f, 0.75f, 1f), [X(2, 7, 3, 4)], Tolerance: 1e-4),
        new("LocalResponseNorm size 3 beta 1", new LocalResponseNorm(3, 1.5f, 1f, 0.5f), [X(1, 6, 2, 3)], Tolerance: 1e-4),
        new("LocalResponseNorm size 4", new LocalResponseNorm(4, 2f, 0.75f, 1f), [X(2, 6, 3, 3)], Tolerance: 1e-4),
        new("LocalResponseNorm size 2", new LocalResponseNorm(2, 1f, 0.5f, 1f), [X(1, 5, 2, 2)], Tolerance: 1e-4),
        new("LocalResponseNorm size 6 wider than channels", new LocalResponseNorm(6, 1f, 0.75f, 1f), [X(2, 3, 2, 2)], Tolerance: 1e-4),

        // Dropout: the mask stream changes every run, so finite differences do not apply (DropoutKernelTests checks dx).
        new("Dropout rate 0.5", new Dropout(0.5f, 7), [X(4, 8)], CheckGradient: false),
        new("Dropout rate 0", new Dropout(0f, 7), [X(2, 3, 2, 2)], CheckGradient: false),
        new("MaskMultiply", new MaskMultiply(), [InputSpec.Data(0f, 2f, 3, 4), X(3, 4)], CheckGradient: false),

        // Losses
        new("SoftmaxCrossEntropy", new SoftmaxCrossEntropy(), [X(-2f, 2f, 4, 5), Labels(4, 5)]),
        new("SoftmaxCrossEntropy label smoothing", new SoftmaxCrossEntropy(0.1f), [X(-2f, 2f, 4, 5), Labels(4, 5)]),
        new("SoftmaxCrossEntropy class weights", new SoftmaxCrossEntropy(0f, [0.5f, 1f, 2f]), [X(-2f, 2f, 6, 3), Labels(6, 3)]),
        new("SoftmaxCrossEntropy sample weights and smoothing", new SoftmaxCrossEntropy(0.2f, [1f, 3f, 0.5f, 2f]),
            [X(-2f, 2f, 5, 4), Labels(5, 4), InputSpec.Data(0.1f, 2f, 5)]),
        new("SigmoidCrossEntropy [N]", new SigmoidCrossEntropy(), [X(-3f, 3f, 6), InputSpec.Data(0f, 1f, 6)]),
        new("SigmoidCrossEntropy [N, 1] sample weights", new SigmoidCrossEntropy(), [X(-3f, 3f, 5, 1), InputSpec.Data(0f, 1f, 5, 1), InputSpec.Data(0.1f, 2f, 5)]),
        new("MeanSquaredError", new MeanSquaredError(), [X(3, 4), InputSpec.Data(-1f, 1f, 3, 4)]),
        new("MeanSquaredError image sample weights", new MeanSquaredError(), [X(2, 2, 2, 3), InputSpec.Data(-1f, 1f, 2, 2, 2, 3), InputSpec.Data(0.1f, 2f, 2)]),

        // Convolution and dense.
        new("Conv2D 3x3 valid with bias", new Conv2D(Conv(3), true), [X(2, 3, 6, 6), Weight(4, 3, 3, 3), Weight(4)], Tolerance: 1e-4),
        new("Conv2D 3x3 stride 2 pad 1", new Conv2D(Conv(3, stride: 2, padding: Padding2D.Symmetric(1, 1)), true),
            [X(2, 2, 7, 7), Weight(3, 2, 3, 3), Weight(3)], Tolerance: 1e-4),
        new("Conv2D 3x3 asymmetric pad no bias", new Conv2D(Conv(3, padding: new Padding2D(1, 0, 2, 1)), false),
            [X(1, 2, 5, 6), Weight(3, 2, 3, 3)], Tolerance: 1e-4),
        new("Conv2D 3x3 dilation 2", new Conv2D(Conv(3, dilation: 2), true), [X(1, 2, 7, 7), Weight(3, 2, 3, 3), Weight(3)], Tolerance: 1e-4),
        new("Conv2D 3x3 groups 2", new Conv2D(Conv(3, padding: Padding2D.Symmetric(1, 1), groups: 2), true),
            [X(2, 4, 5, 5), Weight(6, 2, 3, 3), Weight(6)], Tolerance: 1e-4),
        new("Conv2D 3x3 depthwise", new Conv2D(Conv(3, padding: Padding2D.Symmetric(1, 1), groups: 3), false),
            [X(2, 3, 5, 5), Weight(3, 1, 3, 3)], Tolerance: 1e-4),
        new("Conv2D 1x1 stride 2", new Conv2D(Conv(1, stride: 2), true), [X(2, 4, 5, 5), Weight(2, 4, 1, 1), Weight(2)], Tolerance: 1e-4),
        new("Conv2D stride 2 dilation 2 groups 2 asymmetric pad",
            new Conv2D(new Conv2DGeometry(3, 2, 2, 1, new Padding2D(0, 1, 1, 0), 2, 2, 2), true),
            [X(2, 4, 8, 7), Weight(4, 2, 3, 2), Weight(4)], Tolerance: 1e-4),
        new("Dense with bias", new Dense(true), [X(3, 5), Weight(4, 5), Weight(4)], Tolerance: 1e-4),
        new("Dense no bias", new Dense(false), [X(2, 7), Weight(3, 7)], Tolerance: 1e-4),
    ];

    public static OpSpec Named(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No op spec named '{name}'.", nameof(name));

    /// <summary>Every row on every backend, as serializable names so each pair is its own test case.</summary>
    public static IEnumerable<object[]> ForwardCases =>
        from spec in All from backend in TestBackends.All select new object[] { spec.Name, backend.Name };

    /// <summary>Every differentiable row on every backend.</summary>
    public static IEnumerable<object[]> GradientCases =>
        from spec in All where spec.CheckGradient from backend in TestBackends.All select new object[] { spec.Name, backend.Name };
}
