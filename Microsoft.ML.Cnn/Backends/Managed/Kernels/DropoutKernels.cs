// Inverted dropout (training only) and the mask multiply that is its backward.
using System.Numerics.Tensors;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>
/// Outputs y = x * mask and the mask, each mask value 0 (probability rate) or 1/(1-rate), drawn in row-major order.
/// The stream is SeededRandom.ForStream(seed, batch size), owned by the kernel and advanced by every run, so a
/// seeded training run is reproducible and consecutive steps see different masks. Sequential on purpose: the
/// masks must not depend on the thread count.
/// </summary>
internal sealed class DropoutKernel(float rate, long seed, int batchSize) : ManagedKernel
{
    private readonly SeededRandom _random = SeededRandom.ForStream(seed, batchSize);
    private readonly float _keptScale = 1f / (1f - rate);

    public override void Execute(KernelArguments arguments)
    {
        ReadOnlySpan<float> x = arguments.Inputs[0].Span;
        Span<float> y = arguments.Outputs[0].Span;
        Span<float> mask = arguments.Outputs[1].Span;
        for (int i = 0; i < mask.Length; i++) mask[i] = _random.NextFloat() < rate ? 0f : _keptScale;
        TensorPrimitives.Multiply(x, mask, y);
    }
}

/// <summary>y = mask * x. Inputs: mask, x.</summary>
internal sealed class MaskMultiplyKernel : ManagedKernel
{
    public override void Execute(KernelArguments arguments) =>
        TensorPrimitives.Multiply(arguments.Inputs[0].Span, arguments.Inputs[1].Span, arguments.Outputs[0].Span);
}
