// The flat list a compiled plan runs: primitive executions (layout reorders included) and managed kernels,
// with every argument fixed at compile time so a run allocates nothing.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Backends.OneDnn.Native;

namespace Microsoft.ML.Cnn.Backends.OneDnn;

/// <summary>One thing a run does, in order.</summary>
internal abstract class RunAction : IDisposable
{
    public abstract void Run(nint stream);

    public virtual void Dispose() { }
}

/// <summary>dnnl_primitive_execute with a native argument array built once.</summary>
internal sealed unsafe class PrimitiveRun : RunAction
{
    private readonly CachedPrimitive _primitive;
    private readonly DnnlMemoryHandle[] _memories;
    private readonly DnnlExecArg* _args;
    private readonly int _count;
    private readonly string _operation;

    public PrimitiveRun(CachedPrimitive primitive, DnnlEngineHandle engine, IReadOnlyList<(int Arg, BufferSlot Slot, DnnlMemoryDesc Desc)> arguments, string operation)
    {
        _primitive = primitive;
        _operation = operation;
        _count = arguments.Count;
        _memories = new DnnlMemoryHandle[_count];
        _args = (DnnlExecArg*)System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)Math.Max(1, _count), (nuint)sizeof(DnnlExecArg));
        for (int i = 0; i < _count; i++)
        {
            var (arg, slot, desc) = arguments[i];
            DnnlCheck.Check(Dnnl.dnnl_memory_create(out var memory, &desc, engine, (void*)slot.Pointer), operation);
            _memories[i] = memory;
            _args[i] = new DnnlExecArg { Arg = arg, Memory = memory.DangerousGetHandle() };
        }
    }

    public override void Run(nint stream) =>
        DnnlCheck.Check(Dnnl.dnnl_primitive_execute(_primitive.Primitive.DangerousGetHandle(), stream, _count, _args), _operation);

    public override string ToString() => _operation + " " + _primitive.Implementation;

    public override void Dispose()
    {
        foreach (var memory in _memories) memory?.Dispose();
        System.Runtime.InteropServices.NativeMemory.Free(_args);
    }
}

/// <summary>A managed kernel over plain buffers (ops without a primitive).</summary>
internal sealed class ManagedRun(ManagedKernel kernel, KernelArguments arguments) : RunAction
{
    private readonly string _waiting = "waiting for oneDNN before managed kernel " + kernel.GetType().Name;

    public override string ToString() => "managed " + kernel.GetType().Name;

    public override void Run(nint stream)
    {
        // oneDNN's CPU stream runs synchronously; the wait keeps that an explicit guarantee before managed code reads its output.
        DnnlCheck.Check(Dnnl.dnnl_stream_wait(stream), _waiting);
        kernel.Execute(arguments);
    }
}

/// <summary>A weight reorder that runs only when the parameter changed since its last run (inference reuses it).</summary>
internal sealed class ParameterReorderRun(PrimitiveRun reorder, OneDnnParameterStore store, Graph.Parameter parameter) : RunAction
{
    private int _seenGeneration = -1;

    public override void Run(nint stream)
    {
        int generation = store.Generation(parameter);
        if (generation == _seenGeneration) return;
        reorder.Run(stream);
        _seenGeneration = generation;
    }

    public override string ToString() => $"{reorder} (when '{parameter.Name}' changed)";

    public override void Dispose() => reorder.Dispose();
}
