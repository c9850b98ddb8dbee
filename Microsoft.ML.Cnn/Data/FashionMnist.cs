// Fashion-MNIST (Zalando): 28x28 grey images of 10 clothing classes, from the IDX files on disk or from the
// subset embedded in this assembly (the first 6,000 training and 1,000 test samples).
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Data;

/// <summary>Training and test sets of Fashion-MNIST, images scaled to [0, 1] as [N, 1, 28, 28].</summary>
/// <param name="Train">The training set.</param>
/// <param name="Test">The test set.</param>
/// <param name="IsSubset">True when loaded from the embedded subset rather than the full files.</param>
public sealed record FashionMnistData(InMemoryDataset Train, InMemoryDataset Test, bool IsSubset);

/// <summary>Loads Fashion-MNIST.</summary>
public static class FashionMnist
{
    /// <summary>Where the Debian package dataset-fashion-mnist installs the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    public const int ImageSize = 28;

    /// <summary>The class names, by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The per-sample image shape (1, 28, 28).</summary>
    public static Shape SampleShape => new(1, ImageSize, ImageSize);

    /// <summary>Loads the full set from train-/t10k-{images-idx3,labels-idx1}-ubyte[.gz] in <paramref name="directory"/>.</summary>
    public static FashionMnistData Load(string directory = DefaultDirectory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"The Fashion-MNIST directory '{directory}' does not exist; install dataset-fashion-mnist or use FashionMnist.LoadSubset().");
        return new FashionMnistData(LoadSplit(directory, "train"), LoadSplit(directory, "t10k"), IsSubset: false);
    }

    /// <summary>The embedded subset: the first 6,000 training and first 1,000 test samples. Works anywhere.</summary>
    public static FashionMnistData LoadSubset()
    {
        IdxArray Resource(string file)
        {
            using var stream = OpenResource(file);
            return IdxReader.Read(stream, "FashionMnistSubset." + file);
        }
        return new FashionMnistData(
            ToDataset(Resource("train-images-idx3-ubyte.gz"), Resource("train-labels-idx1-ubyte.gz"), "embedded train subset"),
            ToDataset(Resource("t10k-images-idx3-ubyte.gz"), Resource("t10k-labels-idx1-ubyte.gz"), "embedded test subset"),
            IsSubset: true);
    }

    /// <summary>The full set when <paramref name="directory"/> has it, otherwise the embedded subset, saying which through <paramref name="log"/>.</summary>
    public static FashionMnistData LoadOrSubset(string directory = DefaultDirectory, Action<string>? log = null)
    {
        if (Directory.Exists(directory) && File.Exists(FindFile(directory, "train-images-idx3-ubyte")))
        {
            log?.Invoke($"Loading Fashion-MNIST from {directory}.");
            return Load(directory);
        }
        log?.Invoke($"Fashion-MNIST was not found in {directory}; using the embedded subset (6,000 training and 1,000 test images).");
        return LoadSubset();
    }

    /// <summary>
    /// Fashion-MNIST as data views for pipelines: <c>Features</c> Vector&lt;Single, 1, 28, 28&gt; in [0, 1] and
    /// <c>Label</c> a key whose values are the <see cref="ClassNames"/>. The full set when <paramref name="directory"/>
    /// has it, otherwise the embedded subset, saying which through <paramref name="log"/>.
    /// </summary>
    public static (IDataView Train, IDataView Test, bool IsSubset) LoadDataViews(MLContext context, string directory = DefaultDirectory, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Directory.Exists(directory) && File.Exists(FindFile(directory, "train-images-idx3-ubyte")))
        {
            log?.Invoke($"Loading Fashion-MNIST from {directory}.");
            IDataView Split(string prefix) => context.Data.LoadFromIdx(FindFile(directory, $"{prefix}-images-idx3-ubyte"),
                FindFile(directory, $"{prefix}-labels-idx1-ubyte"), classNames: ClassNames);
            return (Split("train"), Split("t10k"), false);
        }
        log?.Invoke($"Fashion-MNIST was not found in {directory}; using the embedded subset (6,000 training and 1,000 test images).");
        IDataView Subset(string prefix)
        {
            using var images = OpenResource($"{prefix}-images-idx3-ubyte.gz");
            using var labels = OpenResource($"{prefix}-labels-idx1-ubyte.gz");
            return context.Data.LoadFromIdx(images, labels, classNames: ClassNames);
        }
        return (Subset("train"), Subset("t10k"), true);
    }

    /// <summary>Checks an image array (N, 28, 28) against its labels (N) and scales pixels to [0, 1].</summary>
    public static InMemoryDataset ToDataset(IdxArray images, IdxArray labels, string name)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.Dimensions.Length != 3 || images.Dimensions[1] != ImageSize || images.Dimensions[2] != ImageSize)
            throw new InvalidDataException($"Fashion-MNIST images of '{name}' have dimensions ({string.Join(", ", images.Dimensions)}); expected (N, 28, 28).");
        if (labels.Dimensions.Length != 1)
            throw new InvalidDataException($"Fashion-MNIST labels of '{name}' have dimensions ({string.Join(", ", labels.Dimensions)}); expected (N).");
        if (images.Count != labels.Count)
            throw new InvalidDataException($"'{name}' has {images.Count} images but {labels.Count} labels; the files do not belong together.");
        var label = new float[labels.Count];
        for (int i = 0; i < label.Length; i++)
        {
            if (labels.Data[i] >= ClassNames.Count)
                throw new InvalidDataException($"Label {i} of '{name}' is {labels.Data[i]}; Fashion-MNIST labels are 0 to {ClassNames.Count - 1}.");
            label[i] = labels.Data[i];
        }
        var pixels = new float[images.Data.Length];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = images.Data[i] / 255f;
        return new InMemoryDataset(pixels, SampleShape, label);
    }

    private static InMemoryDataset LoadSplit(string directory, string prefix)
    {
        string imageFile = FindFile(directory, $"{prefix}-images-idx3-ubyte");
        string labelFile = FindFile(directory, $"{prefix}-labels-idx1-ubyte");
        return ToDataset(IdxReader.Read(imageFile), IdxReader.Read(labelFile), $"{imageFile} with {Path.GetFileName(labelFile)}");
    }

    private static Stream OpenResource(string file)
    {
        var assembly = typeof(FashionMnist).Assembly;
        string name = "FashionMnistSubset." + file;
        return assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing from {assembly.GetName().Name}; the build is broken.");
    }

    // Prefers the gzipped file the package ships, falls back to an unpacked one.
    private static string FindFile(string directory, string baseName)
    {
        string gz = Path.Combine(directory, baseName + ".gz");
        return File.Exists(gz) ? gz : Path.Combine(directory, baseName);
    }
}
