// What a primitive family needs while compiling one step: shapes, the current layouts of its inputs, whether the
// plan trains, the primitive cache, and the forward primitives (max pooling, LRN) whose workspace a backward step reads.
using Microsoft.ML.Cnn.Backends.OneDnn.Native;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.OneDnn;

internal sealed class StepContext(ExecutionPlan plan, PrimitiveCache cache, Func<Value, TensorHome> home)
{
    private readonly Dictionary<Value, CachedPrimitive> _workspaceForwards = [];

    public ExecutionPlan Plan { get; } = plan;

    public PrimitiveCache Cache { get; } = cache;

    /// <summary>Whether the plan has a backward pass: forward primitives then use forward_training.</summary>
    public bool Training { get; } = plan.Steps.Any(s => s.Op is BackwardOp);

    public DnnlPropKind ForwardProp => Training ? DnnlPropKind.ForwardTraining : DnnlPropKind.ForwardInference;

    /// <summary>The node being compiled, for error messages.</summary>
    public Node Node { get; set; } = null!;

    /// <summary>"Conv2D 'conv1' [128, 1, 28, 28]": the op, its node name and input shapes.</summary>
    public string Operation => $"compiling {Node.Op.Name} '{Node.Name}' for inputs {string.Join(", ", Node.Inputs.Select(v => Plan.ShapeOf(v).ToString()))}";

    public static long[] Dims(Shape shape) => shape.Rank == 0 ? [1] : shape.ToArray().Select(d => (long)d).ToArray();

    public long[] Dims(Value value) => Dims(Plan.ShapeOf(value));

    public DnnlMemoryDesc Plain(long[] dims) => DnnlMemoryDescs.Plain(dims, Operation);

    public DnnlMemoryDesc Plain(Value value) => Plain(Dims(value));

    /// <summary>Let the primitive choose the layout.</summary>
    public DnnlMemoryDesc Any(long[] dims) => DnnlMemoryDescs.Create(dims, DnnlFormatTag.Any, Operation);

    public DnnlMemoryDesc Any(Value value) => Any(Dims(value));

    /// <summary>The value's layout now: the producing primitive's choice, or plain.</summary>
    public DnnlMemoryDesc Current(Value value) => home(value).Blocked ?? Plain(value);

    /// <summary>The same layout family as <paramref name="like"/> (plain, nhwc or channel-blocked) for other dimensions.</summary>
    public DnnlMemoryDesc SameFormat(DnnlMemoryDesc like, long[] dims)
    {
        if (like.NDims == dims.Length)
        {
            var likeDims = like.LogicalDims();
            foreach (var tag in (ReadOnlySpan<DnnlFormatTag>)[DnnlFormatTag.ABcd16b, DnnlFormatTag.ABcd8b, DnnlFormatTag.ACDB])
            {
                if (dims.Length != 4) break;
                if (DnnlMemoryDescs.Equal(like, DnnlMemoryDescs.Create(likeDims, tag, Operation))) return DnnlMemoryDescs.Create(dims, tag, Operation);
            }
        }
        return Plain(dims);
    }

    /// <summary>An operand in the layout the primitive chose for <paramref name="what"/>.</summary>
    public static Operand Operand(int arg, CachedPrimitive primitive, DnnlQuery what, DnnlMemoryDesc plain, int index = 0) =>
        new(arg, primitive.Query(what, index), plain);

    /// <summary>
    /// Whether <paramref name="step"/> is a backward op that reads the workspace of the forward step producing
    /// <paramref name="output"/>: max pooling's and LRN's backward ops take the forward output y as input 1 to find it.
    /// </summary>
    public static bool ReadsWorkspaceOf(Node step, Value output) =>
        step.Op is (MaxPool2DBackward or LocalResponseNormBackward) && step.Inputs[1] == output;

    /// <summary>Whether a step of the plan reads the workspace of <paramref name="output"/>'s forward step (which then keeps one).</summary>
    public bool HasWorkspaceReader(Value output) => Plan.Steps.Any(s => ReadsWorkspaceOf(s, output));

    /// <summary>
    /// For a forward primitive writing <paramref name="output"/>: when a backward step reads its workspace, registers it
    /// as that workspace's producer and returns the step's workspace use; otherwise null.
    /// </summary>
    public WorkspaceUse? ProduceWorkspace(Value output, CachedPrimitive forward)
    {
        if (!HasWorkspaceReader(output)) return null;
        _workspaceForwards[output] = forward;
        return new WorkspaceUse(output, forward.Query(DnnlQuery.WorkspaceMd), IsProducer: true);
    }

    /// <summary>The workspace use of a backward step reading the workspace of <paramref name="forward"/>, which wrote <paramref name="output"/>.</summary>
    public static WorkspaceUse ReadWorkspace(Value output, CachedPrimitive forward) =>
        new(output, forward.Query(DnnlQuery.WorkspaceMd), IsProducer: false);

    public CachedPrimitive WorkspaceForward(Value output) =>
        _workspaceForwards.TryGetValue(output, out var forward) ? forward
            : throw new InvalidOperationException($"{Operation}: its input y is not the output of a forward primitive compiled for training.");
}
