// A tensor that persists across steps: trainable weights and biases, and state such as running statistics.
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Graph;

/// <summary>What a parameter is for. Persisted: values are pinned.</summary>
public enum ParameterRole : byte
{
    /// <summary>Convolution kernel or dense weight matrix: He or Glorot initialized, weight-decayed.</summary>
    Weight = 0,
    /// <summary>Additive bias: zero initialized, not weight-decayed.</summary>
    Bias = 1,
    /// <summary>Batch-norm scale (gamma): one initialized.</summary>
    Scale = 2,
    /// <summary>Batch-norm shift (beta): zero initialized.</summary>
    Shift = 3,
    /// <summary>Batch-norm running mean: updated by training, never by the optimizer.</summary>
    RunningMean = 4,
    /// <summary>Batch-norm running variance: updated by training, never by the optimizer.</summary>
    RunningVariance = 5,
}

/// <summary>
/// A named tensor owned by a layer, stored on the host in canonical layout (OIHW for convolution kernels,
/// [out, in] for dense weights). Backends may keep their own copy in another layout between steps.
/// </summary>
public sealed class Parameter
{
    public Parameter(string name, Shape shape, ParameterRole role, IInitializer initializer, int fanIn = 1, int fanOut = 1)
    {
        if (shape.HasSymbolicBatch) throw new ArgumentException($"Parameter '{name}' has a symbolic dimension in {shape}; parameters have fixed shapes.", nameof(shape));
        Name = name;
        Shape = shape;
        Role = role;
        Initializer = initializer;
        FanIn = fanIn;
        FanOut = fanOut;
        Data = new float[shape.ElementCount];
    }

    /// <summary>Inputs feeding one output unit, for the initializer.</summary>
    public int FanIn { get; }

    /// <summary>Outputs fed by one input unit, for the initializer.</summary>
    public int FanOut { get; }

    /// <summary>Refills <see cref="Data"/> from the initializer with a seeded source.</summary>
    public void Initialize(SeededRandom random) => Initializer.Fill(Data, Shape, FanIn, FanOut, random);

    /// <summary>Unique within a network, e.g. "conv2d_1.weight".</summary>
    public string Name { get; }

    public Shape Shape { get; }

    public ParameterRole Role { get; }

    public IInitializer Initializer { get; }

    /// <summary>The values, in canonical row-major layout.</summary>
    public float[] Data { get; }

    /// <summary>False for state (running statistics) and for parameters of frozen layers.</summary>
    public bool Trainable { get; set; } = true;

    /// <summary>Multiplies the optimizer's learning rate for this parameter (fine-tuning).</summary>
    public float LearningRateMultiplier { get; set; } = 1f;

    /// <summary>True for roles the optimizer updates (weights, biases, scales, shifts).</summary>
    public bool IsOptimizable => Role is ParameterRole.Weight or ParameterRole.Bias or ParameterRole.Scale or ParameterRole.Shift;

    /// <summary>True when this parameter receives gradients and optimizer updates.</summary>
    public bool RequiresGradient => IsOptimizable && Trainable;

    public override string ToString() => $"{Name} {Shape}";
}

/// <summary>Fills a new parameter with initial values, deterministically for a given random source.</summary>
public interface IInitializer
{
    /// <param name="data">The parameter's values, canonical layout.</param>
    /// <param name="shape">The parameter's shape.</param>
    /// <param name="fanIn">Inputs feeding one output unit (C/groups * KH * KW for a convolution).</param>
    /// <param name="fanOut">Outputs fed by one input unit (K/groups * KH * KW for a convolution).</param>
    /// <param name="random">Seeded source; the same seed gives the same values.</param>
    void Fill(Span<float> data, Shape shape, int fanIn, int fanOut, SeededRandom random);
}
