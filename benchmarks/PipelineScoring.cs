// Times batch scoring through the pipeline: Transform of a fitted Cnn trainer over an in-memory data view, reading
// every Score vector, against the same network's Predictor at batch 256 (the engine's inference throughput).
using System.Diagnostics;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Benchmarks;

internal static class PipelineScoring
{
    private const int Rows = 8192;
    private const int Repeats = 7;

    /// <summary>A "score" measurement: samples per second of reading Score from model.Transform(view), median of repeats.</summary>
    public static Measurement Run(BenchmarkModel model, BenchmarkSettings settings, BackendKind kind)
    {
        var network = model.Create();
        var ml = new MLContext(seed: 1);
        var view = ml.Data.Cache(ml.Data.LoadFromEnumerable(RandomRows(network.InputShape.ElementCount, Rows)));
        // One short epoch only to obtain a fitted transformer around this network; the weights do not matter here.
        var trainer = ml.MulticlassClassification.Trainers.Cnn(new CnnMulticlassTrainer.Options
        {
            Architecture = CnnArchitecture.FromNetwork(network),
            MaxEpoch = 1,
            BatchSize = 256,
            Backend = kind,
            NumberOfThreads = settings.Threads,
            ScoringBatchSize = BenchmarkSettings.InferenceBatch,
        });
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(view).Transform(view);
        using var scorer = trainer.Fit(keyed);
        double flops = FlopCounter.ForwardFlopsPerSample(network);
        var times = new double[Repeats];
        for (int r = -1; r < Repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            var scored = scorer.Transform(keyed);
            var score = scored.Schema["Score"];
            using var cursor = scored.GetRowCursor([score]);
            var getter = cursor.GetGetter<VBuffer<float>>(score);
            VBuffer<float> value = default;
            while (cursor.MoveNext()) getter(ref value);
            if (r >= 0) times[r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        return new Measurement(model.Key, kind == BackendKind.OneDnn ? "oneDNN" : "managed", "score", Rows, Measurements.Median(times), flops);
    }

    private static IEnumerable<Row> RandomRows(int size, int count)
    {
        var random = new SeededRandom(3);
        for (int i = 0; i < count; i++)
        {
            var features = new float[size];
            for (int j = 0; j < size; j++) features[j] = random.NextFloat();
            yield return new Row { Features = features, Label = random.NextInt(10) };
        }
    }

    /// <summary>A 28x28 one-channel image row, the input of every benchmarked network.</summary>
    private sealed class Row
    {
        [VectorType(1, 28, 28)] public float[] Features = [];
        public float Label;
    }
}
