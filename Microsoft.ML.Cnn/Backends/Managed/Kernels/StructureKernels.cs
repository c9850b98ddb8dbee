// Kernels that move data without arithmetic: Reshape (a copy), Concat along axis 1, and its inverse slice.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>y = x with another shape: row-major order is unchanged, so it is a plain copy.</summary>
internal sealed class CopyKernel : ManagedKernel
{
    public override void Execute(KernelArguments arguments) => arguments.Inputs[0].Span.CopyTo(arguments.Outputs[0].Span);
}

/// <summary>y = [x0, x1, ...] along axis 1: each sample's block of every input goes to its place in y's sample.</summary>
internal sealed class ConcatKernel(Shape[] inputs) : ManagedKernel
{
    private readonly int _batch = inputs[0][0];
    // Elements per sample of each input ([C_i, H, W] flattened) and the output's per-sample size.
    private readonly int[] _blockLengths = Array.ConvertAll(inputs, s => s.SampleSize);
    private readonly int _outputSampleLength = SumOf(Array.ConvertAll(inputs, s => s.SampleSize));

    public override void Execute(KernelArguments arguments)
    {
        var y = arguments.Outputs[0].Span; // [N, sum C_i, ...]
        for (int n = 0; n < _batch; n++)
        {
            int destination = n * _outputSampleLength;
            for (int i = 0; i < _blockLengths.Length; i++)
            {
                int length = _blockLengths[i];
                arguments.Inputs[i].Slice(n * length, length).CopyTo(y.Slice(destination, length));
                destination += length;
            }
        }
    }

    private static int SumOf(int[] values)
    {
        int sum = 0;
        foreach (int v in values) sum += v;
        return sum;
    }
}

/// <summary>y = x[:, start : start + length, ...]: one contiguous block per sample.</summary>
internal sealed class SliceAxis1Kernel(Shape input, int start, int length) : ManagedKernel
{
    private readonly int _batch = input[0];
    private readonly int _inner = input.SampleSize / input[1]; // H*W for images, 1 for [N, F]
    private readonly int _inputSampleLength = input.SampleSize;

    public override void Execute(KernelArguments arguments)
    {
        var x = arguments.Inputs[0].Span;  // [N, C, ...]
        var y = arguments.Outputs[0].Span; // [N, length, ...]
        int block = length * _inner;
        for (int n = 0; n < _batch; n++)
            x.Slice(n * _inputSampleLength + start * _inner, block).CopyTo(y.Slice(n * block, block));
    }
}
