// Small data sets and models for the mlcnn tests, made once per test run in a temporary folder: IDX files cut from
// the embedded Fashion-MNIST subset, a folder of PNG images of three of its classes (and a CSV listing them), a tiny
// architecture file, and one model trained on each kind of data by the train command itself (1 epoch).
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Mlcnn.Reports;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal static class MlcnnData
{
    private static readonly Lazy<string> s_root = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<(MlcnnResult Result, string Model)> s_idxModel = new(() => TrainModel("idx", IdxTrainArguments()), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<(MlcnnResult Result, string Model)> s_imageModel = new(() => TrainModel("images", ImageTrainArguments()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The classes of the image folder (Fashion-MNIST labels 1, 7, 8) and images per class.</summary>
    public static readonly (int Label, string Name)[] ImageClasses = [(1, "Trouser"), (7, "Sneaker"), (8, "Bag")];
    public const int ImagesPerClass = 10;

    /// <summary>The root folder of the test data.</summary>
    public static string Root => s_root.Value;

    public static string IdxTrainImages => Path.Combine(Root, "train-images-idx3-ubyte");
    public static string IdxTrainLabels => Path.Combine(Root, "train-labels-idx1-ubyte");
    public static string IdxTestImages => Path.Combine(Root, "t10k-images-idx3-ubyte");
    public static string IdxTestLabels => Path.Combine(Root, "t10k-labels-idx1-ubyte");

    /// <summary>Class subfolders of 28x28 gray PNGs.</summary>
    public static string ImageFolder => Path.Combine(Root, "images");

    /// <summary>A CSV "path,label" listing the image folder with paths relative to the CSV.</summary>
    public static string ImageCsv => Path.Combine(Root, "images.csv");

    /// <summary>A tiny network: conv 4x3x3 (same) + relu, max pool 2, flatten, then the classifier.</summary>
    public static string TinyArchitecture => Path.Combine(Root, "tiny.json");

    /// <summary>`mlcnn train` on the IDX files (with test files), its output and the model zip.</summary>
    public static (MlcnnResult Result, string Model) IdxModel => s_idxModel.Value;

    /// <summary>`mlcnn train` on the image folder (16x16, validation fraction, flips and crops), its output and the model zip.</summary>
    public static (MlcnnResult Result, string Model) ImageModel => s_imageModel.Value;

    /// <summary>Removes the test data folder, if <see cref="Root"/> was ever asked for.</summary>
    public static void DeleteIfCreated()
    {
        if (s_root.IsValueCreated && Directory.Exists(s_root.Value)) Directory.Delete(s_root.Value, recursive: true);
    }

    /// <summary>A new empty folder under the test data root.</summary>
    public static string NewFolder(string name)
    {
        string folder = Path.Combine(Root, $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static string[] IdxTrainArguments() =>
    [
        "train", "--data", IdxTrainImages, "--labels", IdxTrainLabels, "--test", IdxTestImages, "--test-labels", IdxTestLabels,
        "-a", TinyArchitecture, "--epochs", "1", "--batch-size", "32", "--backend", "managed", "--threads", "1",
    ];

    public static string[] ImageTrainArguments() =>
    [
        "train", "--data", ImageFolder, "-a", TinyArchitecture, "--epochs", "2", "--batch-size", "8", "--image-size", "16",
        "--validation-fraction", "0.3", "--flip", "--crop", "2", "--backend", "managed", "--threads", "1",
    ];

    private static (MlcnnResult, string) TrainModel(string name, string[] arguments)
    {
        string folder = NewFolder(name);
        string model = Path.Combine(folder, "model.zip");
        return (MlcnnRunner.Run([.. arguments, "--output", model]), model);
    }

    private static string Create()
    {
        string root = Path.Combine(Path.GetTempPath(), $"mlcnn-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var ml = new MLContext(1);
        var (train, test, _) = FashionMnist.LoadDataViews(ml, "/nonexistent");
        var trainRows = Rows(ml, train, 240);
        var testRows = Rows(ml, test, 60);
        WriteIdx(Path.Combine(root, "train-images-idx3-ubyte"), Path.Combine(root, "train-labels-idx1-ubyte"), trainRows);
        WriteIdx(Path.Combine(root, "t10k-images-idx3-ubyte"), Path.Combine(root, "t10k-labels-idx1-ubyte"), testRows);

        var csv = new List<string> { "path,label" };
        foreach (var (label, name) in ImageClasses)
        {
            string folder = Path.Combine(root, "images", name);
            Directory.CreateDirectory(folder);
            var images = trainRows.Where(r => r.Label == label).Take(ImagesPerClass).ToList();
            for (int i = 0; i < images.Count; i++)
            {
                string file = Path.Combine(folder, $"{name.ToLowerInvariant()}_{i:D2}.png");
                File.WriteAllBytes(file, PngEncoder.Encode(new Thumbnail(28, 28, 1, images[i].Pixels)));
                csv.Add($"images/{name}/{Path.GetFileName(file)},{name}");
            }
        }
        File.WriteAllLines(Path.Combine(root, "images.csv"), csv);
        File.WriteAllText(Path.Combine(root, "tiny.json"), """
            { "layers": [
                { "type": "conv", "filters": 4, "kernel": 3, "padding": "same", "activation": "relu" },
                { "type": "pool", "size": 2 },
                { "type": "flatten" }
            ] }
            """);
        return root;
    }

    /// <summary>A row of Fashion-MNIST: pixels as bytes and the label 0..9.</summary>
    private sealed record FashionRow(byte[] Pixels, int Label);

    private static List<FashionRow> Rows(MLContext ml, IDataView view, int count)
    {
        var rows = new List<FashionRow>();
        using var cursor = view.GetRowCursor(view.Schema);
        var features = cursor.GetGetter<VBuffer<float>>(view.Schema["Features"]);
        var label = cursor.GetGetter<uint>(view.Schema["Label"]);
        VBuffer<float> pixels = default;
        uint key = 0;
        while (rows.Count < count && cursor.MoveNext())
        {
            features(ref pixels);
            label(ref key);
            rows.Add(new FashionRow(pixels.GetValues().ToArray().Select(v => (byte)Math.Round(v * 255)).ToArray(), (int)key - 1));
        }
        return rows;
    }

    private static void WriteIdx(string imagesPath, string labelsPath, List<FashionRow> rows)
    {
        using (var images = new BinaryWriter(File.Create(imagesPath)))
        {
            foreach (int header in new[] { 0x0803, rows.Count, 28, 28 }) images.Write(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(header));
            foreach (var row in rows) images.Write(row.Pixels);
        }
        using var labels = new BinaryWriter(File.Create(labelsPath));
        foreach (int header in new[] { 0x0801, rows.Count }) labels.Write(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(header));
        foreach (var row in rows) labels.Write((byte)row.Label);
    }
}

/// <summary>Deletes the mlcnn test data folder when the test run ends (if a test made it).</summary>
[TestClass]
public sealed class MlcnnDataCleanup
{
    [AssemblyCleanup]
    public static void DeleteTestData() => MlcnnData.DeleteIfCreated();
}
