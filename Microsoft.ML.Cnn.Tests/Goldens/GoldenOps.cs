// Maps a golden case's op name and attributes (PyTorch conventions, see tools/make_goldens.py) to our op records.
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Goldens;

internal static class GoldenOps
{
    /// <summary>The op a golden case tests, built from its attributes.</summary>
    public static Op Create(GoldenFixture f) => f.Op switch
    {
        "conv2d" => new Conv2D(ConvGeometry(f), f.Bool("has_bias")),
        "max_pool2d" => new MaxPool2D(f.Bool("ceil_mode") ? CeilModeGeometry(f) : PoolGeometry(f)),
        "avg_pool2d" => new AvgPool2D(PoolGeometry(f), f.Bool("count_include_pad")),
        "lp_pool2d" => new L2Pool2D(PoolGeometry(f)),
        "global_avg_pool" => new GlobalAvgPool(),
        "local_response_norm" => new LocalResponseNorm(f.Int("size"), f.Float("alpha"), f.Float("beta"), f.Float("k")),
        "linear" => new Dense(f.Bool("has_bias")),
        "eltwise" => new Eltwise(Function(f.String("function")), f.Float("alpha")),
        "softmax" => new Softmax(),
        "batch_norm_training" => new BatchNormTraining(f.Float("epsilon")),
        "batch_norm_inference" => new BatchNormInference(f.Float("epsilon")),
        "cross_entropy" => new SoftmaxCrossEntropy(f.Float("label_smoothing"), f.FloatsOrNull("class_weights")),
        "binary_cross_entropy_with_logits" => new SigmoidCrossEntropy(),
        "mse_loss" => new MeanSquaredError(),
        "concat" => new Concat(),
        _ => throw new NotSupportedException($"Golden case '{f.Case}' tests op '{f.Op}', which has no mapping in GoldenOps."),
    };

    private static Conv2DGeometry ConvGeometry(GoldenFixture f)
    {
        int[] kernel = f.Ints("kernel"), stride = f.Ints("stride"), dilation = f.Ints("dilation");
        return new Conv2DGeometry(kernel[0], kernel[1], stride[0], stride[1], Padding(f), dilation[0], dilation[1], f.Int("groups"));
    }

    private static Pool2DGeometry PoolGeometry(GoldenFixture f)
    {
        int[] kernel = f.Ints("kernel"), stride = f.Ints("stride");
        return new Pool2DGeometry(kernel[0], kernel[1], stride[0], stride[1], Padding(f));
    }

    /// <summary>PyTorch's ceil_mode as the MaxPool2D layer resolves it: extra bottom/right padding for the input's size.</summary>
    private static Pool2DGeometry CeilModeGeometry(GoldenFixture f)
    {
        var g = PoolGeometry(f);
        var x = f.Tensor(f.Inputs[0].Name).Shape;
        var p = g.Padding;
        return g with
        {
            Padding = p with
            {
                Bottom = p.Bottom + OutputSize.CeilModeExtraPadding(x[2], g.KernelHeight, g.StrideHeight, p.Top, p.Bottom),
                Right = p.Right + OutputSize.CeilModeExtraPadding(x[3], g.KernelWidth, g.StrideWidth, p.Left, p.Right),
            },
        };
    }

    private static Padding2D Padding(GoldenFixture f)
    {
        int[] p = f.Ints("padding");
        return new Padding2D(p[0], p[1], p[2], p[3]);
    }

    private static EltwiseFunction Function(string name) => name switch
    {
        "relu" => EltwiseFunction.Relu,
        "leaky_relu" => EltwiseFunction.LeakyRelu,
        "elu" => EltwiseFunction.Elu,
        "sigmoid" => EltwiseFunction.Sigmoid,
        "tanh" => EltwiseFunction.Tanh,
        _ => throw new NotSupportedException($"Unknown eltwise function '{name}' in a golden case."),
    };
}
