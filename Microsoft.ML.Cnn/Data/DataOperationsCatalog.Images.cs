// mlContext.Data loaders for image data sets: a folder tree of images with one subfolder per class (Keras's
// image_dataset_from_directory, torchvision's ImageFolder), and IDX files (the MNIST family).
using Microsoft.ML.Cnn.Images;

namespace Microsoft.ML.Cnn.Data;

public sealed partial class DataOperationsCatalog
{
    /// <summary>The file extensions <see cref="LoadFromImageFolder"/> lists (the formats LoadImages decodes), compared ignoring case.</summary>
    public static IReadOnlyList<string> ImageExtensions { get; } = [".jpg", ".jpeg", ".png", ".bmp", ".gif"];

    /// <summary>
    /// Lists the images under <paramref name="folder"/> (recursively; hidden files and folders skipped) as rows of
    /// <c>ImagePath</c> (text, relative to <paramref name="folder"/> unless <paramref name="useFullPath"/>) and, with <paramref name="useFolderNameAsLabel"/>,
    /// <c>Label</c> (text: the name of the class subfolder directly under <paramref name="folder"/> that holds the
    /// image, however deep). Rows are sorted by path (ordinal), so the order is the same on every run; shuffle with
    /// <c>ShuffleRows</c>. Decode with <c>LoadImages("Image", folder, "ImagePath")</c>.
    /// </summary>
    /// <param name="folder">The root folder.</param>
    /// <param name="useFolderNameAsLabel">Add the <c>Label</c> column (the class subfolder's name).</param>
    /// <param name="useFullPath">
    /// Write absolute paths in <c>ImagePath</c> instead of paths relative to <paramref name="folder"/>: then
    /// <c>LoadImages("Image", imageFolder: null, "ImagePath")</c> reads them, so one fitted pipeline can load the
    /// training folder, a test folder elsewhere, and new folders to score.
    /// </param>
    /// <exception cref="DirectoryNotFoundException"><paramref name="folder"/> does not exist.</exception>
    /// <exception cref="InvalidDataException">It holds no image, or (with labels) an image lies outside every class subfolder.</exception>
    public IDataView LoadFromImageFolder(string folder, bool useFolderNameAsLabel = true, bool useFullPath = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The image folder '{folder}' does not exist (full path '{Path.GetFullPath(folder)}').");
        var paths = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true }))
            if (IsImageFile(file)) paths.Add(Path.GetRelativePath(folder, file));
        if (paths.Count == 0)
            throw new InvalidDataException($"The image folder '{folder}' holds no images ({string.Join(", ", ImageExtensions)}), searched recursively.");
        paths.Sort(StringComparer.Ordinal);
        string root = Path.GetFullPath(folder);
        var pathColumn = TextColumn("ImagePath", useFullPath ? paths.Select(p => Path.Combine(root, p)).ToArray() : paths.ToArray());
        if (!useFolderNameAsLabel) return new IndexedDataView(paths.Count, pathColumn);
        var labels = new string[paths.Count];
        for (int i = 0; i < labels.Length; i++)
        {
            int separator = paths[i].IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
            if (separator < 0)
                throw new InvalidDataException($"The image '{paths[i]}' lies directly in '{folder}', outside every class subfolder; " +
                    "move it into the subfolder of its class, or pass useFolderNameAsLabel: false.");
            labels[i] = paths[i][..separator];
        }
        return new IndexedDataView(paths.Count, TextColumn("Label", labels), pathColumn);
    }

    /// <summary>
    /// Loads an IDX image file (N, H, W) and its IDX label file (N), gzipped or not, into rows of <c>Features</c>
    /// (<c>Vector&lt;Single, 1, H, W&gt;</c>, each pixel byte times <paramref name="scale"/>, by default into [0, 1])
    /// and <c>Label</c> (<c>Key&lt;UInt32&gt;</c>: label byte b becomes key b + 1 over K classes, ready for the Cnn
    /// trainers without MapValueToKey). The key values (what <c>MapKeyToValue</c> gives back, and the class names in
    /// scores and confusion tables) are <paramref name="classNames"/> as text when given (K = their count), otherwise
    /// the labels 0..K-1 as Single (K = largest label + 1). Both files are read (and checked) now, once; rows are
    /// converted as cursors read them.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is not valid IDX, has the wrong rank, the counts differ, or a label has no class name.</exception>
    public IDataView LoadFromIdx(string imagesPath, string labelsPath, float scale = 1f / 255, IReadOnlyList<string>? classNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagesPath);
        ArgumentException.ThrowIfNullOrEmpty(labelsPath);
        CheckIdxArguments(scale, classNames);
        return IdxView(IdxReader.Read(imagesPath), imagesPath, IdxReader.Read(labelsPath), labelsPath, scale, classNames);
    }

    /// <summary>
    /// As <see cref="LoadFromIdx(string, string, float, IReadOnlyList{string}?)"/>, reading the IDX data (gzipped or not)
    /// from streams, e.g. embedded resources; both streams are read to the end now.
    /// </summary>
    public IDataView LoadFromIdx(Stream images, Stream labels, float scale = 1f / 255, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        CheckIdxArguments(scale, classNames);
        return IdxView(IdxReader.Read(images, "image stream"), "the image stream", IdxReader.Read(labels, "label stream"), "the label stream", scale, classNames);
    }

    private static void CheckIdxArguments(float scale, IReadOnlyList<string>? classNames)
    {
        if (!float.IsFinite(scale) || scale == 0) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be finite and non-zero.");
        if (classNames is { Count: 0 }) throw new ArgumentException("classNames is empty; pass one name per label value, or null to keep the numeric labels.", nameof(classNames));
    }

    private static IndexedDataView IdxView(IdxArray images, string imagesName, IdxArray labels, string labelsName, float scale, IReadOnlyList<string>? classNames)
    {
        if (images.Dimensions.Length != 3)
            throw new InvalidDataException($"The IDX image file '{imagesName}' has dimensions ({string.Join(", ", images.Dimensions)}); expected (N, H, W).");
        if (labels.Dimensions.Length != 1)
            throw new InvalidDataException($"The IDX label file '{labelsName}' has dimensions ({string.Join(", ", labels.Dimensions)}); expected (N).");
        if (images.Count != labels.Count)
            throw new InvalidDataException($"'{imagesName}' has {images.Count} images but '{labelsName}' has {labels.Count} labels; the files do not belong together.");
        int height = images.Dimensions[1], width = images.Dimensions[2], size = height * width;
        var pixelValues = new float[256];
        for (int b = 0; b < pixelValues.Length; b++) pixelValues[b] = b * scale;
        var features = IndexedColumn.Create<VBuffer<float>>("Features", new VectorDataViewType(NumberDataViewType.Single, 1, height, width), null,
            () =>
            {
                var values = new float[size];
                return (int row, ref VBuffer<float> value) =>
                {
                    var pixels = images.Data.AsSpan(row * size, size);
                    for (int i = 0; i < size; i++) values[i] = pixelValues[pixels[i]];
                    new VBuffer<float>(values).CopyTo(ref value);
                };
            });
        int classes = 0;
        foreach (byte b in labels.Data) classes = Math.Max(classes, b + 1);
        var keyValues = new DataViewSchema.Annotations.Builder();
        if (classNames is not null)
        {
            if (classes > classNames.Count)
                throw new InvalidDataException($"'{labelsName}' has label {classes - 1}, but only {classNames.Count} class names were given (labels 0 to {classNames.Count - 1}).");
            classes = classNames.Count;
            var names = classNames.Select(n => n.AsMemory()).ToArray();
            keyValues.AddKeyValues(classes, TextDataViewType.Instance, (ref VBuffer<ReadOnlyMemory<char>> value) => new VBuffer<ReadOnlyMemory<char>>(names).CopyTo(ref value));
        }
        else
        {
            var numbers = new float[classes];
            for (int k = 0; k < classes; k++) numbers[k] = k;
            keyValues.AddKeyValues(classes, NumberDataViewType.Single, (ref VBuffer<float> value) => new VBuffer<float>(numbers).CopyTo(ref value));
        }
        var key = IndexedColumn.Create<uint>("Label", new KeyDataViewType((ulong)classes), keyValues.ToAnnotations(),
            () => (int row, ref uint value) => value = labels.Data[row] + 1u);
        return new IndexedDataView(images.Count, features, key);
    }

    private static bool IsImageFile(string path)
    {
        string extension = Path.GetExtension(path);
        foreach (var known in ImageExtensions)
            if (string.Equals(extension, known, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static IndexedColumn TextColumn(string name, string[] values) =>
        IndexedColumn.Create<ReadOnlyMemory<char>>(name, TextDataViewType.Instance, null,
            () => (int row, ref ReadOnlyMemory<char> value) => value = values[row].AsMemory());
}
