// Which data a command reads, decided from the --data value: a folder of class subfolders, a CSV of image paths,
// an IDX image file (with --labels), or the Fashion-MNIST split by name.
namespace Microsoft.ML.Cnn.Mlcnn.Inputs;

/// <summary>The kinds of data set mlcnn reads.</summary>
internal enum DataSourceKind
{
    /// <summary>A folder with one subfolder of images per class.</summary>
    ImageFolder,
    /// <summary>A CSV file with a header and the columns path[,label].</summary>
    Csv,
    /// <summary>An IDX image file (N, H, W) and an IDX label file (N), gzipped or not.</summary>
    Idx,
    /// <summary>Fashion-MNIST's training split (the Debian dataset package, else the embedded 6,000-image subset).</summary>
    FashionMnistTrain,
    /// <summary>Fashion-MNIST's test split (the Debian dataset package, else the embedded 1,000-image subset).</summary>
    FashionMnistTest,
}

/// <summary>A data set named on the command line.</summary>
/// <param name="Kind">How to read it.</param>
/// <param name="Path">The folder or file (the name for Fashion-MNIST).</param>
/// <param name="LabelsPath">The IDX label file, for <see cref="DataSourceKind.Idx"/> only.</param>
internal sealed record DataSource(DataSourceKind Kind, string Path, string? LabelsPath)
{
    /// <summary>The --data value that names Fashion-MNIST's training split.</summary>
    public const string FashionMnistTrainName = "fashion-mnist";

    /// <summary>The --data value that names Fashion-MNIST's test split.</summary>
    public const string FashionMnistTestName = "fashion-mnist-test";

    /// <summary>True when rows name image files (decoded by the pipeline); false for pixel arrays (IDX, Fashion-MNIST).</summary>
    public bool HasImagePaths => Kind is DataSourceKind.ImageFolder or DataSourceKind.Csv;

    /// <summary>
    /// Reads a --data value (and its --labels companion): a folder, a <c>.csv</c> file, the names
    /// <c>fashion-mnist</c>/<c>fashion-mnist-test</c>, or else an IDX image file, which needs <paramref name="labelsPath"/>.
    /// </summary>
    /// <exception cref="UsageException">The path does not exist, or an IDX file comes without labels (or labels without one).</exception>
    public static DataSource Resolve(string path, string? labelsPath, string dataOption, string labelsOption)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{dataOption} is empty; give a folder of class subfolders, a .csv file, an IDX image file or '{FashionMnistTrainName}'.");
        var kind = path switch
        {
            FashionMnistTrainName => DataSourceKind.FashionMnistTrain,
            FashionMnistTestName => DataSourceKind.FashionMnistTest,
            _ when Directory.Exists(path) => DataSourceKind.ImageFolder,
            _ when path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) => DataSourceKind.Csv,
            _ => DataSourceKind.Idx,
        };
        if (kind is not (DataSourceKind.FashionMnistTrain or DataSourceKind.FashionMnistTest) && !Directory.Exists(path) && !File.Exists(path))
            throw new UsageException($"{dataOption} '{path}' does not exist (full path '{System.IO.Path.GetFullPath(path)}'); give a folder of class subfolders, a .csv file, an IDX image file or '{FashionMnistTrainName}'.");
        if (kind == DataSourceKind.Idx)
        {
            if (labelsPath is null)
                throw new UsageException($"{dataOption} '{path}' is neither a folder nor a .csv file, so it is read as an IDX image file, which needs its label file: add {labelsOption} LABELS-FILE.");
            if (!File.Exists(labelsPath))
                throw new UsageException($"{labelsOption} '{labelsPath}' does not exist (full path '{System.IO.Path.GetFullPath(labelsPath)}').");
        }
        else if (labelsPath is not null)
        {
            throw new UsageException($"{labelsOption} goes with an IDX image file; {dataOption} '{path}' is {Describe(kind)}, whose labels come with it. Remove {labelsOption}.");
        }
        return new DataSource(kind, path, labelsPath);
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        DataSourceKind.Idx => $"IDX files '{Path}' and '{LabelsPath}'",
        _ => $"{Describe(Kind)} '{Path}'",
    };

    private static string Describe(DataSourceKind kind) => kind switch
    {
        DataSourceKind.ImageFolder => "a folder of class subfolders",
        DataSourceKind.Csv => "a CSV of image paths",
        DataSourceKind.Idx => "an IDX image file",
        DataSourceKind.FashionMnistTrain => "Fashion-MNIST's training split",
        _ => "Fashion-MNIST's test split",
    };
}
