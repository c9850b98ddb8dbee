// ONNX nodes for LocalResponseNorm: ONNX's LRN where it agrees with PyTorch's window (odd sizes), an equivalent
// chain of standard nodes where it does not (even sizes).
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Onnx;

internal static class OnnxLocalResponseNormLowering
{
    /// <summary>
    /// Odd sizes: one LRN node (ONNX divides alpha by size too, and centres the window). Even sizes: ONNX's LRN puts the
    /// extra channel after c where PyTorch puts it before (and ONNX Runtime accepts only odd sizes), so the window mean
    /// of x^2 is an AveragePool over the channels seen as a depth axis, padded size/2 before and (size-1)/2 after:
    /// y = x / (k + alpha * AveragePool3D(Unsqueeze(x * x)))^beta.
    /// </summary>
    public static string Emit(LocalResponseNorm lrn, OnnxOpSite site)
    {
        if (lrn.Size % 2 == 1)
        {
            return site.Node("LRN", OnnxAttribute.Of("size", (long)lrn.Size), OnnxAttribute.Of("alpha", lrn.Alpha),
                OnnxAttribute.Of("beta", lrn.Beta), OnnxAttribute.Of("bias", lrn.K));
        }
        var builder = site.Builder;
        string x = site.Inputs[0], scope = site.Scope;
        string depthAxis = builder.AddInitializer($"{scope}.depth_axis", [1], [1L]);
        string squares = builder.AddNode("Mul", scope, [x, x], null);
        string volume = builder.AddNode("Unsqueeze", scope, [squares, depthAxis], null); // [N, 1, C, H, W]
        string mean = builder.AddNode("AveragePool", scope, [volume], null,
            OnnxAttribute.Of("kernel_shape", lrn.Size, 1, 1),
            OnnxAttribute.Of("pads", lrn.Size / 2, 0, 0, (lrn.Size - 1) / 2, 0, 0),
            OnnxAttribute.Of("count_include_pad", 1L));
        string windowMean = builder.AddNode("Squeeze", scope, [mean, depthAxis], null);
        string scaled = builder.AddNode("Mul", scope, [windowMean, Scalar(builder, scope, "alpha", lrn.Alpha)], null);
        string shifted = builder.AddNode("Add", scope, [scaled, Scalar(builder, scope, "k", lrn.K)], null);
        string denominator = builder.AddNode("Pow", scope, [shifted, Scalar(builder, scope, "beta", lrn.Beta)], null);
        return builder.AddNode("Div", scope, [x, denominator], site.Output);
    }

    private static string Scalar(OnnxGraphBuilder builder, string scope, string what, float value) =>
        builder.AddInitializer($"{scope}.{what}", [], [value]);
}
