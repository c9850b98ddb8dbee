// Tiny synthetic image problems for the Cnn trainer tests: 8x8 one-channel images, dim noise everywhere and one
// bright 4x4 quadrant whose position is the class (top-left, top-right, bottom-left). A tiny network separates them
// in a few epochs of a few hundred rows.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests.Trainers;

public sealed class QuadrantRow
{
    public string Label = "";
    [VectorType(1, 8, 8)] public float[] Features = [];
}

public sealed class BinaryQuadrantRow
{
    public bool Label;
    [VectorType(1, 8, 8)] public float[] Features = [];
}

public sealed class RegressionQuadrantRow
{
    public float Label;
    [VectorType(1, 8, 8)] public float[] Features = [];
}

internal static class QuadrantData
{
    public static readonly string[] ClassNames = ["top-left", "top-right", "bottom-left"];

    /// <summary>An image with quadrant <paramref name="quadrant"/> (0..3) lit at <paramref name="brightness"/>, plus noise.</summary>
    public static float[] Image(int quadrant, float brightness, SeededRandom random)
    {
        var pixels = new float[64];
        for (int y = 0; y < 8; y++)
        {
            for (int x = 0; x < 8; x++)
            {
                bool lit = (y >= 4 ? 2 : 0) + (x >= 4 ? 1 : 0) == quadrant;
                pixels[y * 8 + x] = (lit ? brightness : 0f) + random.NextUniform(0f, 0.2f);
            }
        }
        return pixels;
    }

    /// <summary><paramref name="count"/> rows cycling through the classes (so every class is present), seeded.</summary>
    public static QuadrantRow[] Rows(int count, int seed = 1)
    {
        var random = new SeededRandom(seed);
        var rows = new QuadrantRow[count];
        for (int i = 0; i < count; i++) rows[i] = new QuadrantRow { Label = ClassNames[i % 3], Features = Image(i % 3, 1f, random) };
        return rows;
    }

    /// <summary>Positive when the lit quadrant is in the top half.</summary>
    public static BinaryQuadrantRow[] BinaryRows(int count, int seed = 1)
    {
        var random = new SeededRandom(seed);
        return Enumerable.Range(0, count).Select(i => new BinaryQuadrantRow { Label = i % 4 < 2, Features = Image(i % 4, 1f, random) }).ToArray();
    }

    /// <summary>The label is the lit quadrant's brightness, in [0.5, 1.5].</summary>
    public static RegressionQuadrantRow[] RegressionRows(int count, int seed = 1)
    {
        var random = new SeededRandom(seed);
        var rows = new RegressionQuadrantRow[count];
        for (int i = 0; i < count; i++)
        {
            float brightness = random.NextUniform(0.5f, 1.5f);
            rows[i] = new RegressionQuadrantRow { Label = brightness, Features = Image(i % 4, brightness, random) };
        }
        return rows;
    }

    /// <summary>conv (4 filters 3x3, same, ReLU) → max pool 2 → flatten → head (Dense outputs): 40 + 64*outputs + outputs parameters.</summary>
    public static CnnArchitecture Tiny { get; } = CnnArchitecture.FromFactory((shape, outputs) => Network.Sequential(shape.ToArray(),
        [new Conv2D(4, 3, padding: Padding.Same, activation: Activation.Relu, name: "conv"), new MaxPool2D(2, name: "pool"), new Flatten(name: "flatten"), new Dense(outputs, name: "head")], seed: 1));

    /// <summary>Options that train the tiny network quickly and deterministically on one managed thread.</summary>
    public static TOptions Options<TOptions>(Action<TOptions>? configure = null) where TOptions : CnnTrainerOptions, new()
    {
        var options = new TOptions
        {
            Architecture = Tiny, MaxEpoch = 6, BatchSize = 16, LearningRate = 0.02f, Seed = 7,
            Backend = BackendKind.Managed, NumberOfThreads = 1,
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>The share of <paramref name="rows"/> whose PredictedLabel (after MapKeyToValue) in <paramref name="scored"/> is their Label.</summary>
    public static double Accuracy(IDataView scored, QuadrantRow[] rows)
    {
        var predicted = TestSupport.TransformRows.Text(scored, "PredictedLabel");
        Assert.HasCount(rows.Length, predicted);
        return predicted.Where((p, i) => p == rows[i].Label).Count() / (double)rows.Length;
    }

    /// <summary>Every log line of <paramref name="context"/> written while <paramref name="action"/> runs.</summary>
    public static List<string> CaptureLog(MLContext context, Action action)
    {
        var lines = new List<string>();
        void Handler(object? sender, LoggingEventArgs e) => lines.Add(e.Message);
        context.Log += Handler;
        try { action(); }
        finally { context.Log -= Handler; }
        return lines;
    }
}
