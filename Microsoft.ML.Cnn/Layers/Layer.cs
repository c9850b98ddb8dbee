// The base of every layer: a small template (Build creates parameters once the input shape is known,
// Forward emits ops), in the manner of Keras's Layer.build/call.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>
/// A building block of a <see cref="Network"/>. To write one: give it a <see cref="TypeName"/>, create parameters in
/// <see cref="Build"/> with <see cref="AddParameter"/>, and emit ops in <see cref="Forward"/> through the context
/// (which reads parameters and knows whether the graph is for training or inference). A layer that is a composition
/// of existing ops needs nothing else: no backend, export or persistence code beyond its config.
/// </summary>
public abstract class Layer
{
    private readonly List<Parameter> _parameters = [];
    private bool _trainable = true;
    private float _learningRateMultiplier = 1f;

    protected Layer(string? name)
    {
        if (name is not null && string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A layer name must not be blank.", nameof(name));
        ExplicitName = name;
    }

    /// <summary>Unique within its network, e.g. "conv2d_1" (given, or assigned when first applied).</summary>
    public string Name => ExplicitName ?? AssignedName ?? TypeName.ToLowerInvariant();

    /// <summary>The layer's kind as shown in summaries, e.g. "Conv2D".</summary>
    public abstract string TypeName { get; }

    /// <summary>
    /// Options shown after <see cref="TypeName"/> in summaries and <see cref="ToString"/> because they change the
    /// output shape or meaning in a way the type name does not say (e.g. "ceil mode"); empty for most layers.
    /// </summary>
    public virtual string Details => "";

    /// <summary>The layer's parameters, created when it is first applied.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Whether training updates this layer's parameters. False freezes it (fine-tuning).</summary>
    public bool Trainable
    {
        get => _trainable;
        set
        {
            _trainable = value;
            // Running statistics are state, never trained (as AddParameter sets them).
            foreach (var p in _parameters) p.Trainable = value && p.IsOptimizable;
        }
    }

    /// <summary>Multiplies the optimizer's learning rate for this layer's parameters (fine-tuning).</summary>
    public float LearningRateMultiplier
    {
        get => _learningRateMultiplier;
        set
        {
            if (!(value >= 0f) || float.IsInfinity(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "A learning-rate multiplier is a finite number >= 0.");
            _learningRateMultiplier = value;
            foreach (var p in _parameters) p.LearningRateMultiplier = value;
        }
    }

    /// <summary>True once parameters exist (the layer was applied to an input).</summary>
    public bool IsBuilt { get; private set; }

    internal string? ExplicitName { get; }

    internal string? AssignedName { get; set; }

    /// <summary>Most values one parameter may hold; the model loader lowers it so an untrusted file cannot make Build allocate without bound.</summary>
    internal long MaxParameterElements { get; set; } = long.MaxValue;

    /// <summary>Applies the layer to symbolic inputs, building it on first use and checking shapes at once.</summary>
    public SymbolicTensor Call(params SymbolicTensor[] inputs) => SymbolicTensor.Apply(this, inputs);

    /// <summary>Number of inputs the layer takes (Add and Concat take several).</summary>
    public virtual (int Min, int Max) InputCount => (1, 1);

    /// <summary>Creates parameters for these per-batch input shapes (leading dimension is the batch).</summary>
    protected virtual void Build(IReadOnlyList<Shape> inputShapes) { }

    /// <summary>Emits the layer's ops and returns its output.</summary>
    protected internal abstract Value Forward(LayerContext context, IReadOnlyList<Value> inputs);

    /// <summary>Creates a parameter named "{layer}.{suffix}".</summary>
    protected Parameter AddParameter(string suffix, Shape shape, ParameterRole role, IInitializer initializer, int fanIn = 1, int fanOut = 1)
    {
        long elements = 1;
        foreach (int d in shape)
        {
            elements *= Math.Max(d, 1);
            if (elements > MaxParameterElements)
                throw new InvalidOperationException($"Parameter '{Name}.{suffix}' {shape} holds more than the {MaxParameterElements} values allowed here.");
        }
        var parameter = new Parameter($"{Name}.{suffix}", shape, role, initializer, fanIn, fanOut)
        {
            Trainable = _trainable && role is not (ParameterRole.RunningMean or ParameterRole.RunningVariance),
            LearningRateMultiplier = _learningRateMultiplier,
        };
        _parameters.Add(parameter);
        return parameter;
    }

    internal void EnsureBuilt(IReadOnlyList<Shape> inputShapes)
    {
        if (IsBuilt) return;
        Build(inputShapes);
        IsBuilt = true;
    }

    public override string ToString() => Details.Length == 0 ? $"{Name} ({TypeName})" : $"{Name} ({TypeName}, {Details})";
}
