// The fully connected layer (Keras Dense, PyTorch Linear).
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Initializers;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>
/// y = activation(x w^T + b): [N, features] to [N, units]. Weight [units, features] (He-normal for ReLU-like
/// activations, Glorot-uniform otherwise), zero bias. Parameters: features*units + units.
/// </summary>
public sealed class Dense : Layer
{
    public Dense(int units, Activation activation = Activation.None, bool useBias = true, string? name = null) : base(name)
    {
        if (units <= 0) throw new ArgumentOutOfRangeException(nameof(units), units, $"A Dense layer needs a positive number of units, got {units}.");
        ActivationOps.Validate(activation, nameof(activation));
        Units = units;
        Activation = activation;
        UseBias = useBias;
    }

    public override string TypeName => "Dense";

    public int Units { get; }

    public Activation Activation { get; }

    public bool UseBias { get; }

    /// <summary>The weight [units, features], once built.</summary>
    public Parameter? Weight { get; private set; }

    /// <summary>The bias [units], once built with <see cref="UseBias"/>.</summary>
    public Parameter? Bias { get; private set; }

    protected override void Build(IReadOnlyList<Shape> inputShapes)
    {
        var x = inputShapes[0];
        if (x.Rank != 2) throw new ShapeRuleException($"Dense expects a flat input [N, features], got {x}: add a Flatten (or GlobalAveragePool2D) layer before it.");
        IInitializer init = ActivationOps.IsReluLike(Activation) ? new HeNormal() : new GlorotUniform();
        Weight = AddParameter("weight", new Shape(Units, x[1]), ParameterRole.Weight, init, fanIn: x[1], fanOut: Units);
        if (UseBias) Bias = AddParameter("bias", new Shape(Units), ParameterRole.Bias, new Zeros());
    }

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs)
    {
        var y = Bias is null
            ? context.Emit(new Ops.Dense(false), inputs[0], context.Read(Weight!))
            : context.Emit(new Ops.Dense(true), inputs[0], context.Read(Weight!), context.Read(Bias));
        return ActivationOps.Emit(context, y, Activation);
    }
}
