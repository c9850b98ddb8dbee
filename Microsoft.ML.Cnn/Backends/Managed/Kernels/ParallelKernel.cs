// A kernel whose work splits into independent items (planes, channels, samples) run on the worker pool.
namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

/// <summary>
/// Base of kernels that run <see cref="ItemCount"/> independent items on the <see cref="WorkerPool"/>. The kernel
/// is its own loop body, so a call allocates nothing: the arguments are parked in a field for the call's duration.
/// </summary>
internal abstract class ParallelKernel : ManagedKernel, IParallelBody
{
    private KernelArguments? _arguments;

    /// <summary>Independent items the work splits into (e.g. N*C planes).</summary>
    protected abstract int ItemCount { get; }

    /// <summary>The arguments of the call in progress.</summary>
    protected KernelArguments Arguments => _arguments ?? throw new InvalidOperationException("No call in progress.");

    public override void Execute(KernelArguments arguments)
    {
        _arguments = arguments;
        try
        {
            arguments.Pool.For(ItemCount, this);
        }
        finally
        {
            _arguments = null;
        }
    }

    public void Run(int start, int end, int worker)
    {
        for (int item = start; item < end; item++) RunItem(item);
    }

    /// <summary>Does item <paramref name="item"/>; items never write the same output elements.</summary>
    protected abstract void RunItem(int item);
}
