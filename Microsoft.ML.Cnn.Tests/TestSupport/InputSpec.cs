// How one input of a table-driven op test is shaped and filled.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

/// <summary>How the values of a test input are drawn.</summary>
public enum ValueKind
{
    /// <summary>Uniform in [Low, High).</summary>
    Uniform,
    /// <summary>A shuffled grid of distinct values in [-1, 1], spaced far more than a finite-difference step (max pooling).</summary>
    Distinct,
    /// <summary>Uniform magnitude in [0.1, 1) with a random sign: no value sits on a kink at 0 (ReLU).</summary>
    AwayFromZero,
    /// <summary>Integral class labels in [0, Classes).</summary>
    ClassLabels,
}

/// <summary>
/// One input: its concrete shape, its values, whether its leading dimension is the batch (the placeholder then
/// has a symbolic batch, as in a real network) and whether the gradient check differentiates it.
/// </summary>
public sealed record InputSpec(Shape Shape, ValueKind Kind, bool PerSample, bool Differentiable, float Low = -1f, float High = 1f, int Classes = 0)
{
    /// <summary>Uniform activations in [low, high), differentiable.</summary>
    public static InputSpec X(params int[] dims) => new(new Shape(dims), ValueKind.Uniform, true, true);

    public static InputSpec X(float low, float high, params int[] dims) => new(new Shape(dims), ValueKind.Uniform, true, true, low, high);

    public static InputSpec Distinct(params int[] dims) => new(new Shape(dims), ValueKind.Distinct, true, true);

    public static InputSpec AwayFromZero(params int[] dims) => new(new Shape(dims), ValueKind.AwayFromZero, true, true);

    /// <summary>A differentiable weight-like input with no batch dimension.</summary>
    public static InputSpec Weight(params int[] dims) => new(new Shape(dims), ValueKind.Uniform, false, true);

    /// <summary>A non-differentiable input with no batch dimension (running statistics), uniform in [low, high).</summary>
    public static InputSpec Constant(float low, float high, params int[] dims) => new(new Shape(dims), ValueKind.Uniform, false, false, low, high);

    /// <summary>Per-sample data that gets no gradient (targets, sample weights, masks).</summary>
    public static InputSpec Data(float low, float high, params int[] dims) => new(new Shape(dims), ValueKind.Uniform, true, false, low, high);

    /// <summary>Class labels [N] in [0, classes).</summary>
    public static InputSpec Labels(int batch, int classes) => new(new Shape(batch), ValueKind.ClassLabels, true, false, Classes: classes);

    /// <summary>The placeholder shape: symbolic batch for per-sample inputs.</summary>
    public Shape GraphShape => PerSample ? Shape.WithDimension(0, Shape.Batch) : Shape;

    /// <summary>Draws the values.</summary>
    public float[] Generate(SeededRandom random)
    {
        var data = new float[Shape.ElementCount];
        switch (Kind)
        {
            case ValueKind.Uniform:
                for (int i = 0; i < data.Length; i++) data[i] = random.NextUniform(Low, High);
                break;
            case ValueKind.Distinct:
                var order = Enumerable.Range(0, data.Length).ToArray();
                random.Shuffle(order);
                for (int i = 0; i < data.Length; i++) data[i] = -1f + 2f * order[i] / Math.Max(1, data.Length - 1);
                break;
            case ValueKind.AwayFromZero:
                for (int i = 0; i < data.Length; i++) data[i] = random.NextUniform(0.1f, 1f) * (random.NextInt(2) == 0 ? -1f : 1f);
                break;
            case ValueKind.ClassLabels:
                for (int i = 0; i < data.Length; i++) data[i] = random.NextInt(Classes);
                break;
        }
        return data;
    }
}
