// The machine's attainable single-precision rate: a large matrix product on oneDNN (inner product primitive), the
// figure the training and inference GFLOP/s are quoted against.
using System.Diagnostics;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Execution;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Benchmarks;

internal static class PeakMeasurement
{
    private const int Size = 2048;

    public static void Print(int threads)
    {
        var weights = new Parameter("peak.weight", new Shape(Size, Size), ParameterRole.Weight, new UniformInitializer());
        weights.Initialize(new SeededRandom(1));
        var graph = new ComputationGraph();
        var x = graph.Emit(new Placeholder("x", Shape.Batched(Size)));
        var w = graph.Emit(new ParameterRead(weights));
        var y = graph.Emit(new Ops.Dense(HasBias: false), x, w);

        using var backend = BackendFactory.Create(BackendKind.OneDnn, threads);
        using var store = backend.CreateParameterStore([weights]);
        using var executable = backend.Compile(ExecutionPlan.Create(graph, Size, [y]), store);
        executable.SetInput(x, new float[Size * Size]);
        var times = new List<double>();
        for (int i = 0; i < 13; i++)
        {
            long start = Stopwatch.GetTimestamp();
            executable.Run();
            if (i >= 3) times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        double gflops = 2.0 * Size * Size * Size / Measurements.Median(times) / 1e9;
        Console.WriteLine($"Peak: {Size}x{Size}x{Size} matrix product on oneDNN, {threads} threads: {gflops:F0} GFLOP/s (median of 10).");
    }

    private sealed class UniformInitializer : IInitializer
    {
        public void Fill(Span<float> data, Shape shape, int fanIn, int fanOut, SeededRandom random)
        {
            for (int i = 0; i < data.Length; i++) data[i] = random.NextUniform(-1f, 1f);
        }
    }
}
