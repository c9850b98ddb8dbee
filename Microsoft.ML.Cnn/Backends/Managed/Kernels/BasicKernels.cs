// Kernels for leaves and sums.
using System.Numerics.Tensors;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>For values whose buffer is filled from outside (placeholders, parameters).</summary>
internal sealed class NoOpKernel : ManagedKernel
{
    public static readonly NoOpKernel Instance = new();

    public override void Execute(KernelArguments arguments) { }
}

/// <summary>Sets every element to a constant.</summary>
internal sealed class FillKernel(float value) : ManagedKernel
{
    public override void Execute(KernelArguments arguments) => arguments.Outputs[0].Span.Fill(value);
}

/// <summary>y = a + b.</summary>
internal sealed class AddKernel : ManagedKernel
{
    public override void Execute(KernelArguments arguments) =>
        TensorPrimitives.Add(arguments.Inputs[0].Span, arguments.Inputs[1].Span, arguments.Outputs[0].Span);
}
