// Loads a labelled data set as a data view: image paths with text labels (folders, CSVs), or pixel features with
// key labels (IDX, Fashion-MNIST), the two shapes the training pipeline starts from.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Mlcnn.Inputs;

/// <summary>A labelled data view and what it holds.</summary>
/// <param name="View">Rows of ImagePath and Label (text) for image files, or Features and Label (key) for IDX data.</param>
/// <param name="Source">Where it came from.</param>
internal sealed record LabelledData(IDataView View, DataSource Source)
{
    /// <summary>The column of image paths in views of image files.</summary>
    public const string ImagePathColumn = "ImagePath";

    /// <summary>The label column (text for image files, a key for IDX data).</summary>
    public const string LabelColumn = "Label";

    /// <summary>Reads <paramref name="source"/>; image files are listed now and decoded later, as the pipeline reads them.</summary>
    /// <exception cref="InvalidDataException">The folder holds no images, the CSV is malformed, the IDX files are invalid.</exception>
    public static LabelledData Load(MLContext ml, DataSource source, Action<string> log)
    {
        IDataView view = source.Kind switch
        {
            DataSourceKind.ImageFolder => ml.Data.LoadFromImageFolder(source.Path, useFolderNameAsLabel: true, useFullPath: true),
            DataSourceKind.Csv => ml.Data.LoadFromEnumerable(PathCsvReader.Read(source.Path, requireLabels: true)
                .Select(row => new ImagePathRow { ImagePath = row.Path, Label = row.Label! }).ToList()),
            DataSourceKind.Idx => ml.Data.LoadFromIdx(source.Path, source.LabelsPath!),
            DataSourceKind.FashionMnistTrain => FashionMnist.LoadDataViews(ml, FashionMnist.DefaultDirectory, log).Train,
            _ => FashionMnist.LoadDataViews(ml, FashionMnist.DefaultDirectory, log).Test,
        };
        if (view.GetRowCount() == 0) throw new InvalidDataException($"{source} holds no rows; give it at least one labelled image.");
        return new LabelledData(view, source);
    }

    /// <summary>A row of a CSV data set, as the image-folder loader writes them.</summary>
    private sealed class ImagePathRow
    {
        public string Label = "";
        public string ImagePath = "";
    }
}
