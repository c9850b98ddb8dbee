// Finds Conv2D/Dense steps followed by an activation that oneDNN can apply as a post-op of the same primitive:
// the pre-activation tensor is then never stored, and the activation's backward computes from its output.
using Microsoft.ML.Cnn.Backends.OneDnn.Native;
using Microsoft.ML.Cnn.Backends.OneDnn.Primitives;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Backends.OneDnn;

/// <summary>The fused pairs of one plan: producer step → the activation folded into it.</summary>
internal sealed class ActivationFusion
{
    private readonly Dictionary<Node, Node> _activationOf = [];
    private readonly HashSet<Node> _folded = [];

    public ActivationFusion(ExecutionPlan plan)
    {
        var consumers = new Dictionary<Value, List<Node>>();
        foreach (var step in plan.Steps)
            foreach (var input in step.Inputs)
            {
                if (!consumers.TryGetValue(input, out var list)) consumers[input] = list = [];
                if (!list.Contains(step)) list.Add(step);
            }

        foreach (var step in plan.Steps)
        {
            if (step.Op is not (Conv2D or Dense) || plan.LastUse(step.Outputs[0]) == int.MaxValue) continue;
            if (!consumers.TryGetValue(step.Outputs[0], out var users)) continue;
            var activations = users.Where(u => u.Op is Eltwise e && CanFuse(e.Function, e.Alpha)).ToArray();
            if (activations.Length != 1) continue;
            var activation = activations[0];
            // Every other reader must be the activation's own backward, which can work from the output instead.
            bool othersAreItsBackward = users.All(u => u == activation ||
                (u.Op is EltwiseBackward b && b.Function == ((Eltwise)activation.Op).Function && u.Inputs[0] == step.Outputs[0] && u.Inputs[1] == activation.Outputs[0]));
            if (!othersAreItsBackward) continue;
            _activationOf[step] = activation;
            _folded.Add(activation);
        }
    }

    /// <summary>The activation folded into <paramref name="producer"/>, if any.</summary>
    public Node? ActivationOf(Node producer) => _activationOf.GetValueOrDefault(producer);

    /// <summary>Whether <paramref name="activation"/> runs inside its producer (its own step does nothing).</summary>
    public bool IsFolded(Node activation) => _folded.Contains(activation);

    /// <summary>Whether an EltwiseBackward reads the pre-activation of a fused pair (it then computes from y).</summary>
    public bool ReadsFoldedInput(Node backward) =>
        backward.Op is EltwiseBackward && _folded.Any(a => a.Outputs[0] == backward.Inputs[1]);

    public static FusedActivation PostOp(Eltwise e) => new(ActivationPrimitives.Algorithm(e.Function), e.Alpha);

    /// <summary>The activations whose backward oneDNN computes from the output (needs alpha &gt;= 0).</summary>
    private static bool CanFuse(EltwiseFunction function, float alpha) => function switch
    {
        EltwiseFunction.Relu or EltwiseFunction.LeakyRelu or EltwiseFunction.Elu => alpha >= 0f,
        EltwiseFunction.Sigmoid or EltwiseFunction.Tanh => true,
        _ => false,
    };

    /// <summary>The *_use_dst_for_bwd variant of an activation.</summary>
    public static DnnlAlgorithm FromOutput(EltwiseFunction function) => function switch
    {
        EltwiseFunction.Relu or EltwiseFunction.LeakyRelu => DnnlAlgorithm.EltwiseReluUseDst,
        EltwiseFunction.Elu => DnnlAlgorithm.EltwiseEluUseDst,
        EltwiseFunction.Sigmoid => DnnlAlgorithm.EltwiseLogisticUseDst,
        EltwiseFunction.Tanh => DnnlAlgorithm.EltwiseTanhUseDst,
        _ => throw new NotSupportedException($"{function} has no form computed from its output."),
    };
}
