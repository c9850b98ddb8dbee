// Compiles a plan for oneDNN: gives every value a home (buffer + layout), keeps primitive-chosen blocked layouts
// from one primitive to the next, and inserts reorders only where a consumer needs another layout: managed
// kernels, callers (inputs, outputs) and parameter storage (weights in, gradients out) all see plain layouts.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Backends.OneDnn.Native;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.OneDnn;

internal sealed class ExecutableBuilder
{
    private readonly ExecutionPlan _plan;
    private readonly OneDnnParameterStore _store;
    private readonly PrimitiveCache _cache;
    private readonly StepContext _ctx;
    private readonly ActivationFusion _fusion;
    private readonly Dictionary<Value, TensorHome> _homes = [];
    private readonly Dictionary<Value, BufferSlot> _gradientSlots = [];
    private readonly Dictionary<Value, BufferSlot> _workspaces = [];
    private readonly Dictionary<(Parameter, string), BufferSlot> _parameterCopies = [];
    private readonly List<BufferSlot> _arenaSlots = [];
    private readonly List<BufferRequest> _requests = [];
    private int _step;

    public ExecutableBuilder(ExecutionPlan plan, OneDnnParameterStore store, PrimitiveCache cache)
    {
        _plan = plan;
        _store = store;
        _cache = cache;
        _ctx = new StepContext(plan, cache, v => _homes[v]);
        _fusion = new ActivationFusion(plan);
        foreach (var binding in plan.Gradients)
            _gradientSlots[binding.Gradient] = new BufferSlot(binding.Parameter.Shape.ElementCount, store.GradientArray(binding.Parameter));
    }

    /// <summary>Primitive runs with their arguments, and managed runs, in order (materialized after the arena exists).</summary>
    public List<Func<DnnlEngineHandle, WorkerPool, RunAction>> Actions { get; } = [];

    public IReadOnlyDictionary<Value, TensorHome> Homes => _homes;

    public long ScratchpadBytes { get; private set; }

    /// <summary>The shared scratchpad, filled in once its size is known.</summary>
    public BufferSlot Scratchpad { get; } = new(0);

    private int LastStep => _plan.Steps.Count;

    public void Build()
    {
        for (_step = 0; _step < _plan.Steps.Count; _step++)
        {
            var node = _plan.Steps[_step];
            _ctx.Node = node;
            switch (node.Op)
            {
                case Placeholder:
                    var (first, last) = _plan.Lifetime(node.Outputs[0]);
                    _homes[node.Outputs[0]] = new TensorHome(ArenaSlot(_plan.ShapeOf(node.Outputs[0]).ElementCount, first, last), _plan.ShapeOf(node.Outputs[0]), null);
                    break;
                case ParameterRead read:
                    _homes[node.Outputs[0]] = new TensorHome(new BufferSlot(read.Parameter.Shape.ElementCount, _store.ValueArray(read.Parameter)), read.Parameter.Shape, null);
                    break;
                case Eltwise when _fusion.IsFolded(node):
                    break; // computed by its producer's post-op
                default:
                    var activation = _fusion.ActivationOf(node);
                    var fused = activation is null ? null : ActivationFusion.PostOp((Eltwise)activation.Op);
                    if (OneDnnKernels.Create(node, _ctx, fused, _fusion.ReadsFoldedInput(node)) is { } step)
                        AddPrimitiveStep(node, step, activation?.Outputs ?? node.Outputs);
                    else AddManagedStep(node);
                    break;
            }
        }
    }

    /// <summary>Lays out the arena (memory planner over every slot's lifetime) and points arena slots into it.</summary>
    public float[] AllocateArena()
    {
        var (offsets, length) = MemoryPlanner.Plan(_requests);
        if (length + MemoryPlanner.Alignment > Array.MaxLength)
            throw new InsufficientMemoryException($"The graph needs {length:N0} floats of activations at batch {_plan.BatchSize}; use a smaller batch.");
        var (arena, baseOffset) = PinnedBuffers.Allocate(length);
        for (int i = 0; i < _arenaSlots.Count; i++)
        {
            _arenaSlots[i].Array = arena;
            _arenaSlots[i].Offset = baseOffset + (int)offsets[_arenaSlots[i].Request];
        }
        var (scratch, scratchOffset) = PinnedBuffers.Allocate((ScratchpadBytes + 3) / 4);
        Scratchpad.Array = scratch;
        Scratchpad.Offset = scratchOffset;
        return arena;
    }

    // outputs: the values the primitive writes, the node's or (fused) its activation's.
    private void AddPrimitiveStep(Node node, PrimitiveStep step, IReadOnlyList<Value> outputs)
    {
        var args = new List<(int Arg, BufferSlot Slot, DnnlMemoryDesc Desc)>();
        for (int i = 0; i < step.Inputs.Length; i++)
        {
            var operand = step.Inputs[i];
            if (operand.IsUsed) args.Add((operand.Arg, Materialize(node.Inputs[i], operand.Desc, operand.PlainDesc), operand.Desc));
        }
        foreach (var (input, operand) in step.Aliases) args.Add((operand.Arg, Materialize(node.Inputs[input], operand.Desc, operand.PlainDesc), operand.Desc));
        var after = new List<(BufferSlot From, DnnlMemoryDesc FromDesc, BufferSlot To, DnnlMemoryDesc ToDesc)>();
        for (int o = 0; o < step.Outputs.Length; o++)
        {
            var operand = step.Outputs[o];
            var value = outputs[o];
            var shape = _plan.ShapeOf(value);
            if (DnnlMemoryDescs.Equal(operand.Desc, operand.PlainDesc))
            {
                var home = new TensorHome(HomeSlot(value, shape.ElementCount), shape, null);
                _homes[value] = home;
                args.Add((operand.Arg, home.Buffer, operand.Desc));
            }
            else if (!MustBePlain(value))
            {
                var home = new TensorHome(HomeSlot(value, Floats(operand.Desc)), shape, operand.Desc);
                _homes[value] = home;
                args.Add((operand.Arg, home.Buffer, operand.Desc));
            }
            else
            {
                var temporary = ArenaSlot(Floats(operand.Desc), _step, _step);
                var home = new TensorHome(HomeSlot(value, shape.ElementCount), shape, null);
                _homes[value] = home;
                args.Add((operand.Arg, temporary, operand.Desc));
                after.Add((temporary, operand.Desc, home.Buffer, operand.PlainDesc));
            }
        }
        if (step.Workspace is { } workspace)
        {
            if (workspace.IsProducer)
            {
                int lastBackward = _plan.Steps.Select((s, i) => (s, i)).Where(p => StepContext.ReadsWorkspaceOf(p.s, workspace.PooledOutput)).Max(p => p.i);
                _workspaces[workspace.PooledOutput] = ArenaSlot(Floats(workspace.Desc), _step, lastBackward);
            }
            args.Add((DnnlArg.Workspace, _workspaces[workspace.PooledOutput], workspace.Desc));
        }
        AddPrimitiveRun(step.Primitive, args);
        foreach (var (from, fromDesc, to, toDesc) in after) AddReorder(from, fromDesc, to, toDesc);
    }

    private void AddManagedStep(Node node)
    {
        var inputShapes = node.Inputs.Select(_plan.ShapeOf).ToArray();
        var outputShapes = node.Outputs.Select(_plan.ShapeOf).ToArray();
        var kernel = ManagedKernels.Create(node.Op, inputShapes, outputShapes);
        var inputs = node.Inputs.Select(v => (Slot: PlainSlot(v), Shape: _plan.ShapeOf(v))).ToArray();
        var outputs = new (BufferSlot Slot, Shape Shape)[node.Outputs.Count];
        for (int o = 0; o < outputs.Length; o++)
        {
            var shape = outputShapes[o];
            outputs[o] = (HomeSlot(node.Outputs[o], shape.ElementCount), shape);
            _homes[node.Outputs[o]] = new TensorHome(outputs[o].Slot, shape, null);
        }
        var workspace = kernel.WorkspaceLength > 0 ? ArenaSlot(kernel.WorkspaceLength, _step, _step) : null;
        Actions.Add((engine, pool) => new ManagedRun(kernel, new KernelArguments(
            inputs.Select(i => View(i.Slot, i.Shape)).ToArray(),
            outputs.Select(o => View(o.Slot, o.Shape)).ToArray(),
            workspace is null ? new TensorView(Scratchpad.Array!, Scratchpad.Offset, Shape.Scalar, 0) : new TensorView(workspace.Array!, workspace.Offset, new Shape((int)workspace.Floats)),
            pool)));
    }

    /// <summary>A buffer holding <paramref name="value"/> in <paramref name="desc"/>, reordering from its home if needed.</summary>
    private BufferSlot Materialize(Value value, DnnlMemoryDesc desc, DnnlMemoryDesc plainDesc)
    {
        var home = _homes[value];
        if (home.Blocked is { } blocked)
        {
            if (DnnlMemoryDescs.Equal(blocked, desc)) return home.Buffer;
            if (blocked.LogicalDims().AsSpan().SequenceEqual(desc.LogicalDims()))
            {
                var converted = ArenaSlot(Floats(desc), _step, _step);
                AddReorder(home.Buffer, blocked, converted, desc);
                return converted;
            }
        }
        var plain = PlainSlot(value);
        if (DnnlMemoryDescs.Equal(desc, plainDesc)) return plain;
        if (value.Producer.Op is ParameterRead read) return ParameterCopy(read.Parameter, plain, plainDesc, desc);
        var reordered = ArenaSlot(Floats(desc), _step, _step);
        AddReorder(plain, plainDesc, reordered, desc);
        return reordered;
    }

    /// <summary>The value in plain row-major layout: its home, or a reordered copy for this step.</summary>
    private BufferSlot PlainSlot(Value value)
    {
        var home = _homes[value];
        if (home.Blocked is not { } blocked) return home.Buffer;
        var plain = ArenaSlot(home.Shape.ElementCount, _step, _step);
        AddReorder(home.Buffer, blocked, plain, DnnlMemoryDescs.Plain(blocked.LogicalDims(), _ctx.Operation));
        return plain;
    }

    /// <summary>
    /// The parameter in a primitive's layout, in a slot of its own that outlives runs, refreshed only when the
    /// store says the values changed (every training step; once for inference).
    /// </summary>
    private BufferSlot ParameterCopy(Parameter parameter, BufferSlot plain, DnnlMemoryDesc plainDesc, DnnlMemoryDesc desc)
    {
        var key = (parameter, Convert.ToHexString(desc.ToBytes()));
        if (_parameterCopies.TryGetValue(key, out var existing)) return existing;
        var copy = ArenaSlot(Floats(desc), 0, LastStep);
        var reorder = _cache.Get(DnnlOpDescriptors.Reorder(_ctx.Operation, plainDesc, desc));
        var args = new List<(int Arg, BufferSlot Slot, DnnlMemoryDesc Desc)> { (DnnlArg.Src, plain, plainDesc), (DnnlArg.Dst, copy, desc) };
        AddScratchpad(reorder, args);
        string operation = "reordering parameter " + parameter.Name;
        // Runs at the first step that needs it; the slot is never shared, so later runs may skip it.
        Actions.Add((engine, pool) => new ParameterReorderRun(new PrimitiveRun(reorder, engine, args, operation), _store, parameter));
        _parameterCopies[key] = copy;
        return copy;
    }

    private void AddReorder(BufferSlot from, DnnlMemoryDesc fromDesc, BufferSlot to, DnnlMemoryDesc toDesc)
    {
        var reorder = _cache.Get(DnnlOpDescriptors.Reorder(_ctx.Operation, fromDesc, toDesc));
        AddPrimitiveRun(reorder, [(DnnlArg.Src, from, fromDesc), (DnnlArg.Dst, to, toDesc)]);
    }

    private void AddScratchpad(CachedPrimitive primitive, List<(int Arg, BufferSlot Slot, DnnlMemoryDesc Desc)> args)
    {
        if (primitive.ScratchpadDesc is not { } desc) return;
        ScratchpadBytes = Math.Max(ScratchpadBytes, DnnlMemoryDescs.SizeInBytes(desc));
        args.Add((DnnlArg.Scratchpad, Scratchpad, desc));
    }

    private void AddPrimitiveRun(CachedPrimitive primitive, List<(int Arg, BufferSlot Slot, DnnlMemoryDesc Desc)> args)
    {
        AddScratchpad(primitive, args);
        string operation = "running " + _ctx.Operation["compiling ".Length..];
        Actions.Add((engine, pool) => new PrimitiveRun(primitive, engine, args, operation));
    }

    /// <summary>The buffer a value is produced into: the parameter's gradient storage when bound, else an arena slot for its lifetime.</summary>
    private BufferSlot HomeSlot(Value value, long floats)
    {
        if (_gradientSlots.TryGetValue(value, out var gradient)) return gradient;
        // NOTE: a fused activation's output is written by its producer's step, before the activation's own step.
        var (_, last) = _plan.Lifetime(value);
        return ArenaSlot(floats, _step, Math.Max(last, _step));
    }

    /// <summary>Callers and parameter storage read these, so they stay in plain layout.</summary>
    private bool MustBePlain(Value value) => _plan.LastUse(value) == int.MaxValue || _gradientSlots.ContainsKey(value);

    private BufferSlot ArenaSlot(long floats, int first, int last)
    {
        var slot = new BufferSlot(floats) { Request = _requests.Count };
        _requests.Add(new BufferRequest(floats, first, last));
        _arenaSlots.Add(slot);
        return slot;
    }

    private static long Floats(DnnlMemoryDesc desc) => (DnnlMemoryDescs.SizeInBytes(desc) + 3) / 4;

    private static TensorView View(BufferSlot slot, Shape shape) => new(slot.Array!, slot.Offset, shape);
}
