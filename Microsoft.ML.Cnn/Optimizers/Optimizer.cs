// The base of every optimizer, in the manner of Keras's BaseOptimizer: per-parameter slot state created on
// first use, and one elementwise update rule per subclass. Allocation-free after the first step.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Optimizers;

/// <summary>
/// Updates parameter values from their gradients. To write one: pass the number of state slots per parameter
/// (momentum buffers, moment estimates) to the constructor and implement <see cref="UpdateStep"/>, an elementwise
/// rule over the parameter's values, gradient and slots (each slot is zero-initialized and as long as the values).
/// </summary>
/// <remarks>
/// Only parameters with <see cref="Parameter.RequiresGradient"/> are updated, each with the learning rate times its
/// <see cref="Parameter.LearningRateMultiplier"/>. The coupled L2 <see cref="WeightDecay"/> adds decay * w to the
/// gradient of <see cref="ParameterRole.Weight"/> parameters only: biases and batch-norm scales and shifts are
/// not decayed. State is keyed by parameter, so one optimizer keeps its moments across repeated training runs
/// of the same network; use one optimizer per network.
/// </remarks>
public abstract class Optimizer
{
    private readonly Dictionary<Parameter, ParameterState> _state = [];
    private readonly int _slotCount;

    /// <param name="learningRate">The base learning rate (a schedule scales it per epoch).</param>
    /// <param name="slotCount">State tensors kept per parameter.</param>
    protected Optimizer(float learningRate, int slotCount)
    {
        if (!(learningRate > 0f) || float.IsInfinity(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a finite number > 0, e.g. 1e-3.");
        LearningRate = learningRate;
        _slotCount = slotCount;
    }

    /// <summary>The base learning rate.</summary>
    public float LearningRate { get; }

    /// <summary>Coupled L2 weight decay: decay * w is added to the gradient of weight parameters (not biases or batch norm). Default 0.</summary>
    public float WeightDecay
    {
        get;
        init => field = value is >= 0f and < float.PositiveInfinity
            ? value
            : throw new ArgumentOutOfRangeException(nameof(WeightDecay), value, "Weight decay must be a finite number >= 0, e.g. 5e-4.");
    }

    /// <summary>Display name with hyper-parameters, for logs.</summary>
    public abstract override string ToString();

    /// <summary>
    /// Applies one update to every parameter in <paramref name="parameters"/> that requires a gradient, reading
    /// gradients and writing values in <paramref name="store"/>.
    /// </summary>
    /// <param name="store">Holds the values and the gradients of the last run.</param>
    /// <param name="parameters">The parameters to update (those not requiring a gradient are skipped).</param>
    /// <param name="learningRate">This step's learning rate (the scheduled one; <see cref="LearningRate"/> is the base).</param>
    public void Step(IParameterStore store, IReadOnlyList<Parameter> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(learningRate >= 0f) || float.IsInfinity(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The step's learning rate must be a finite number >= 0.");
        for (int i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (!parameter.RequiresGradient) continue;
            Span<float> values = store.Values(parameter);
            Span<float> gradients = store.Gradients(parameter);
            if (WeightDecay > 0f) L2Decay.AddToGradient(parameter, values, gradients, WeightDecay);
            var state = StateOf(parameter, values.Length);
            state.Steps++;
            UpdateStep(new UpdateArguments(values, gradients, state.Slots, learningRate * parameter.LearningRateMultiplier, state.Steps, parameter));
        }
    }

    /// <summary>Forgets every moment and step count (the next step starts fresh).</summary>
    public void Reset() => _state.Clear();

    /// <summary>The number of updates applied to <paramref name="parameter"/> so far.</summary>
    public int StepsOf(Parameter parameter) => _state.TryGetValue(parameter, out var state) ? state.Steps : 0;

    /// <summary>Updates one parameter's values in place.</summary>
    protected abstract void UpdateStep(UpdateArguments arguments);

    private ParameterState StateOf(Parameter parameter, int length)
    {
        if (_state.TryGetValue(parameter, out var state)) return state;
        var slots = new float[_slotCount][];
        for (int s = 0; s < slots.Length; s++) slots[s] = new float[length];
        state = new ParameterState(slots);
        _state[parameter] = state;
        return state;
    }

    private sealed class ParameterState(float[][] slots)
    {
        public float[][] Slots { get; } = slots;

        public int Steps { get; set; }
    }
}

/// <summary>What one update of one parameter sees.</summary>
public readonly ref struct UpdateArguments(Span<float> values, Span<float> gradients, float[][] slots, float learningRate, int step, Parameter parameter)
{
    /// <summary>The parameter's values, updated in place.</summary>
    public Span<float> Values { get; } = values;

    /// <summary>The gradient (coupled L2 decay already added).</summary>
    public Span<float> Gradients { get; } = gradients;

    /// <summary>The optimizer's state tensors for this parameter, each as long as <see cref="Values"/>.</summary>
    public float[][] Slots { get; } = slots;

    /// <summary>The step's learning rate times the parameter's multiplier.</summary>
    public float LearningRate { get; } = learningRate;

    /// <summary>1 on the parameter's first update (for bias correction).</summary>
    public int Step { get; } = step;

    /// <summary>The parameter (its role decides decoupled weight decay).</summary>
    public Parameter Parameter { get; } = parameter;
}
