// Times the library: training steps through the real Trainer and inference through Predictor, at each model's batches.
using System.Diagnostics;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Benchmarks;

/// <summary>One measured figure of the library.</summary>
internal sealed record Measurement(string Model, string Backend, string Kind, int Batch, double MedianSeconds, double ForwardFlopsPerSample)
{
    public double SamplesPerSecond => Batch / MedianSeconds;

    /// <summary>Achieved GFLOP/s, counting a training step as three forward passes (forward, backward data, backward weights).</summary>
    public double GigaFlops => SamplesPerSecond * ForwardFlopsPerSample * (Kind == "train" ? 3 : 1) / 1e9;
}

internal static class Measurements
{
    private const int WarmUp = 5;
    private const int FullSizeWarmUp = 2;

    public static IEnumerable<Measurement> Run(BenchmarkModel model, BenchmarkSettings settings, BackendKind kind)
    {
        using var backend = BackendFactory.Create(kind, settings.Threads);
        var network = model.Create();
        double flops = FlopCounter.ForwardFlopsPerSample(network);

        // Training: per-batch times from the progress callback, which the trainer calls synchronously after each step.
        var (warmUp, timedSteps) = model.IsFullSize ? (FullSizeWarmUp, settings.FullSizeSteps) : (WarmUp, settings.TrainSteps);
        int steps = warmUp + timedSteps + 1, classes = network.OutputShape[0];
        var data = RandomData(network.InputShape, steps * model.TrainBatch, classes, seed: 1);
        var stamps = new List<long>(steps);
        using (var trainer = new Trainer(network, new TrainerOptions { Optimizer = new Adam(1e-3f), BatchSize = model.TrainBatch, Epochs = 1, Backend = backend }))
            trainer.Fit(data, progress: new SynchronousProgress(stamps));
        var stepSeconds = stamps.Zip(stamps.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalSeconds).Skip(warmUp).ToArray();
        yield return new Measurement(model.Key, backend.Name, "train", model.TrainBatch, Median(stepSeconds), flops);

        using var predictor = new Predictor(network, backend, model.InferenceBatches.Max());
        foreach (int batch in model.InferenceBatches)
        {
            // Batch 1 is timed ten times as often: each run is short and noisier.
            int iterations = model.IsFullSize ? timedSteps : batch == 1 ? settings.InferenceIterations * 10 : settings.InferenceIterations;
            var inputs = RandomData(network.InputShape, batch, classes, seed: 2).Features;
            var outputs = new float[batch * predictor.OutputSize];
            var times = new double[iterations];
            for (int i = -warmUp; i < iterations; i++)
            {
                long start = Stopwatch.GetTimestamp();
                predictor.Predict(inputs, batch, outputs);
                if (i >= 0) times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            }
            yield return new Measurement(model.Key, backend.Name, "infer", batch, Median(times), flops);
        }
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static InMemoryDataset RandomData(Shape sampleShape, int count, int classes, int seed)
    {
        var random = new SeededRandom(seed);
        var features = new float[count * sampleShape.ElementCount];
        for (int i = 0; i < features.Length; i++) features[i] = random.NextFloat();
        var labels = new float[count];
        for (int i = 0; i < labels.Length; i++) labels[i] = random.NextInt(classes);
        return new InMemoryDataset(features, sampleShape, labels);
    }

    private sealed class SynchronousProgress(List<long> stamps) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => stamps.Add(Stopwatch.GetTimestamp());
    }
}
