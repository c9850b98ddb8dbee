// Batch normalization over channels: batch statistics while training, running statistics at inference.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Initializers;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>
/// y = gamma (x - mean) / sqrt(var + epsilon) + beta per channel of [N, C, H, W] (or feature of [N, F]).
/// Training graphs use the batch's statistics and fold them into the running ones after each step:
/// running = (1 - momentum) running + momentum batch (PyTorch's convention; Keras's momentum 0.99 is 0.01 here).
/// Inference graphs, and training graphs of a frozen layer (<see cref="Layer.Trainable"/> false, as in Keras), use the
/// running statistics. Parameters: gamma and beta (trainable), running mean and variance (not trainable), 4*C in all.
/// </summary>
public sealed class BatchNorm : Layer
{
    public BatchNorm(float momentum = 0.1f, float epsilon = 1e-5f, string? name = null) : base(name)
    {
        if (!(momentum is >= 0f and <= 1f)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"Momentum is the weight of the new batch, in [0, 1]; got {momentum}.");
        if (!(epsilon > 0f) || !float.IsFinite(epsilon)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"Epsilon must be a small positive number, got {epsilon}.");
        Momentum = momentum;
        Epsilon = epsilon;
    }

    public override string TypeName => "BatchNorm";

    /// <summary>Weight of each new batch in the running statistics.</summary>
    public float Momentum { get; }

    /// <summary>Added to the variance before the square root.</summary>
    public float Epsilon { get; }

    public Parameter? Gamma { get; private set; }

    public Parameter? Beta { get; private set; }

    public Parameter? RunningMean { get; private set; }

    public Parameter? RunningVariance { get; private set; }

    protected override void Build(IReadOnlyList<Shape> inputShapes)
    {
        var x = inputShapes[0];
        if (x.Rank is not (2 or 4)) throw new ShapeRuleException($"BatchNorm expects [N, C, H, W] or [N, F], got {x}.");
        var channels = new Shape(x[1]);
        Gamma = AddParameter("gamma", channels, ParameterRole.Scale, new Ones());
        Beta = AddParameter("beta", channels, ParameterRole.Shift, new Zeros());
        RunningMean = AddParameter("running_mean", channels, ParameterRole.RunningMean, new Zeros());
        RunningVariance = AddParameter("running_variance", channels, ParameterRole.RunningVariance, new Ones());
    }

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs)
    {
        Value x = inputs[0], gamma = context.Read(Gamma!), beta = context.Read(Beta!);
        if (context.IsTraining && Trainable)
        {
            var outputs = context.EmitMany(new BatchNormTraining(Epsilon), x, gamma, beta);
            context.AddBatchStatistics(new BatchStatisticsUpdate(RunningMean!, RunningVariance!, outputs[1], outputs[2], Momentum));
            return outputs[0];
        }
        return context.Emit(new BatchNormInference(Epsilon), x, gamma, beta, context.Read(RunningMean!), context.Read(RunningVariance!));
    }
}
