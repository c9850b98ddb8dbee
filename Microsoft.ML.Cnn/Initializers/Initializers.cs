// The standard weight initializers (He, Glorot, constants), deterministic for a given SeededRandom.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Initializers;

/// <summary>Normal with standard deviation sqrt(2 / fanIn) (He et al. 2015; PyTorch's kaiming_normal_): for ReLU-like activations.</summary>
public sealed record HeNormal : IInitializer
{
    public void Fill(Span<float> data, Shape shape, int fanIn, int fanOut, SeededRandom random) =>
        Sample.Normal(data, MathF.Sqrt(2f / Fan.Positive(fanIn, nameof(fanIn))), random);
}

/// <summary>Uniform in ±sqrt(6 / fanIn): He initialization with a bounded range.</summary>
public sealed record HeUniform : IInitializer
{
    public void Fill(Span<float> data, Shape shape, int fanIn, int fanOut, SeededRandom random) =>
        Sample.Uniform(data, MathF.Sqrt(6f / Fan.Positive(fanIn, nameof(fanIn))), random);
}

/// <summary>Uniform in ±sqrt(6 / (fanIn + fanOut)) (Glorot and Bengio 2010; Keras's default): for tanh, sigmoid or linear outputs.</summary>
public sealed record GlorotUniform : IInitializer
{
    public void Fill(Span<float> data, Shape shape, int fanIn, int fanOut, SeededRandom random) =>
        Sample.Uniform(data, MathF.Sqrt(6f / (Fan.Positive(fanIn, nameof(fanIn)) + Fan.Positive(fanOut, nameof(fanOut)))), random);
}

/// <summary>Normal with standard deviation sqrt(2 / (fanIn + fanOut)).</summary>
public sealed record GlorotNormal : IInitializer
{
    public void Fill(Span<float> data, Shape shape, int fanIn, int fanOut, SeededRandom random) =>
        Sample.Normal(data, MathF.Sqrt(2f / (Fan.Positive(fanIn, nameof(fanIn)) + Fan.Positive(fanOut, nameof(fanOut)))), random);
}

/// <summary>Every value 0 (biases, batch-norm shift and running mean).</summary>
public sealed record Zeros : IInitializer
{
    public void Fill(Span<float> data, Shape shape, int fanIn, int fanOut, SeededRandom random) => data.Clear();
}

/// <summary>Every value 1 (batch-norm scale and running variance).</summary>
public sealed record Ones : IInitializer
{
    public void Fill(Span<float> data, Shape shape, int fanIn, int fanOut, SeededRandom random) => data.Fill(1f);
}

/// <summary>Every value <paramref name="Value"/>.</summary>
public sealed record Constant(float Value) : IInitializer
{
    public void Fill(Span<float> data, Shape shape, int fanIn, int fanOut, SeededRandom random) => data.Fill(Value);
}

internal static class Fan
{
    public static float Positive(int fan, string name) =>
        fan > 0 ? fan : throw new ArgumentOutOfRangeException(name, fan, "A fan-in or fan-out must be positive; pass it when creating the parameter.");
}

internal static class Sample
{
    public static void Normal(Span<float> data, float standardDeviation, SeededRandom random)
    {
        for (int i = 0; i < data.Length; i++) data[i] = standardDeviation * random.NextGaussian();
    }

    public static void Uniform(Span<float> data, float limit, SeededRandom random)
    {
        for (int i = 0; i < data.Length; i++) data[i] = random.NextUniform(-limit, limit);
    }
}
