// End-to-end batch scoring through the pipeline, from files to predictions: the 10,000 Fashion-MNIST test images from
// their IDX files, and the 10,000 CIFAR-10 test JPEGs from disk (decode, resize, extract, normalize, infer), both with
// the seed CNN. Images per second, median of several full passes (the first, which warms caches and JIT, not counted).
using System.Diagnostics;
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Benchmarks;

internal static class EndToEndScoring
{
    private const int Passes = 5;

    /// <summary>Prints one line per data set found; a missing data set is said, not fatal.</summary>
    public static void Print(BenchmarkSettings settings, BackendKind kind)
    {
        Console.WriteLine();
        Console.WriteLine($"End-to-end scoring with the seed CNN ({kind}, {settings.Threads} threads, batches of {BenchmarkSettings.InferenceBatch} inside Transform):");
        string idx = FashionMnist.DefaultDirectory;
        if (File.Exists(Path.Combine(idx, "t10k-images-idx3-ubyte.gz")))
            Report("Fashion-MNIST test set from IDX (read, scale, infer)", FashionMnistRun(settings, kind, idx));
        else Console.WriteLine($"  Fashion-MNIST: skipped, no IDX files in {idx} (install dataset-fashion-mnist)");
        if (settings.CifarTestDirectory is { } cifar && Directory.Exists(cifar))
            Report($"CIFAR-10 test JPEGs from {cifar} (decode, resize, extract, normalize, infer)", CifarRun(settings, kind, cifar));
        else Console.WriteLine($"  CIFAR-10: skipped, no folder {settings.CifarTestDirectory ?? "(none)"} (pass --cifar DIR)");
    }

    private static void Report(string what, (int Images, double[] Seconds) run)
    {
        double median = Measurements.Median(run.Seconds);
        Console.WriteLine($"  {what}: {run.Images:N0} images, median {median * 1e3:F0} ms => {run.Images / median:N0} images/s (passes: {string.Join(", ", run.Seconds.Select(s => $"{s * 1e3:F0}"))} ms)");
    }

    private static (int, double[]) FashionMnistRun(BenchmarkSettings settings, BackendKind kind, string directory)
    {
        var ml = new MLContext(seed: 1);
        string images = Path.Combine(directory, "t10k-images-idx3-ubyte.gz"), labels = Path.Combine(directory, "t10k-labels-idx1-ubyte.gz");
        var model = Fit(ml, settings, kind, ml.Data.LoadFromIdx(images, labels, classNames: FashionMnist.ClassNames), null);
        return TimePasses(() => ml.Data.LoadFromIdx(images, labels, classNames: FashionMnist.ClassNames), model);
    }

    private static (int, double[]) CifarRun(BenchmarkSettings settings, BackendKind kind, string directory)
    {
        var ml = new MLContext(seed: 1);
        var featurize = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.LoadImages("Image", imageFolder: null, "ImagePath"))
            .Append(ml.Transforms.ResizeImages("Image", 32, 32))
            .Append(ml.Transforms.ExtractPixels("Features", "Image", scaleImage: 1f / 255))
            .Append(ml.Transforms.NormalizeImageChannels("Features", mean: [0.49f, 0.48f, 0.45f], std: [0.25f, 0.24f, 0.26f]));
        var files = ml.Data.LoadFromImageFolder(directory, useFullPath: true);
        var features = featurize.Fit(files);
        var model = Fit(ml, settings, kind, features.Transform(files), features);
        return TimePasses(() => ml.Data.LoadFromImageFolder(directory, useFullPath: true), model);
    }

    /// <summary>A fitted pipeline around the seed CNN (one epoch on the first rows: the weights do not matter for speed).</summary>
    private static ITransformer Fit(MLContext ml, BenchmarkSettings settings, BackendKind kind, IDataView data, ITransformer? featurizer)
    {
        var trainer = ml.MulticlassClassification.Trainers.Cnn(new CnnMulticlassTrainer.Options
        {
            Architecture = ArchitecturePreset.SeedCnn,
            MaxEpoch = 1,
            BatchSize = 256,
            Backend = kind,
            NumberOfThreads = settings.Threads,
            ScoringBatchSize = BenchmarkSettings.InferenceBatch,
        });
        var cnn = trainer.Fit(ml.Data.TakeRows(data, 1024));
        return featurizer is null ? cnn : new TransformerChain<ITransformer>(featurizer, cnn);
    }

    private static (int, double[]) TimePasses(Func<IDataView> load, ITransformer model)
    {
        var seconds = new double[Passes];
        int images = 0;
        for (int pass = -1; pass < Passes; pass++)
        {
            long start = Stopwatch.GetTimestamp();
            var scored = model.Transform(load());
            var label = scored.Schema["PredictedLabel"];
            using var cursor = scored.GetRowCursor([label, scored.Schema["Score"]]);
            var getter = cursor.GetGetter<uint>(label);
            uint value = 0;
            images = 0;
            while (cursor.MoveNext()) { getter(ref value); images++; }
            if (pass >= 0) seconds[pass] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        return (images, seconds);
    }
}
