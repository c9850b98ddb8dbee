// mlContext.Transforms: one-line factories for the transform estimators, grouped as in ML.NET.
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Transforms.Conversion;
using Microsoft.ML.Cnn.Transforms.Image;

namespace Microsoft.ML.Cnn.Transforms;

/// <summary>Data transformations, reached as <c>mlContext.Transforms</c>.</summary>
public sealed partial class TransformsCatalog
{
    private readonly MLContext _context;

    internal TransformsCatalog(MLContext context) => _context = context;

    /// <summary>Type conversions: values to keys and back.</summary>
    public ConversionTransforms Conversion { get; } = new();

    /// <summary>
    /// Concatenates <paramref name="inputColumnNames"/> (scalars and vectors of one item type), in order, into the vector
    /// column <paramref name="outputColumnName"/>.
    /// </summary>
    public ColumnConcatenatingEstimator Concatenate(string outputColumnName, params string[] inputColumnNames) =>
        new(outputColumnName, inputColumnNames);

    /// <summary>Copies <paramref name="inputColumnName"/> to <paramref name="outputColumnName"/>.</summary>
    public ColumnCopyingEstimator CopyColumns(string outputColumnName, string inputColumnName) =>
        new((outputColumnName, inputColumnName));

    /// <summary>Copies each input column of <paramref name="columns"/> to its output column.</summary>
    public ColumnCopyingEstimator CopyColumns(params (string OutputColumnName, string InputColumnName)[] columns) => new(columns);

    /// <summary>
    /// Decodes images (JPEG, PNG, BMP, GIF) into the <see cref="ImageDataViewType"/> column <paramref name="outputColumnName"/>
    /// from <paramref name="inputColumnName"/> (default: the output name): a text column of paths, relative to
    /// <paramref name="imageFolder"/> when given, or a byte vector column of encoded images. Decoding happens as rows are read;
    /// <paramref name="invalidImages"/> chooses whether an undecodable image fails the read (default) or drops its row.
    /// </summary>
    public ImageLoadingEstimator LoadImages(string outputColumnName, string? imageFolder, string? inputColumnName = null,
        ImageDecodeLimits? limits = null, InvalidImageHandling invalidImages = InvalidImageHandling.Fail) =>
        new(_context, outputColumnName, imageFolder, inputColumnName, limits, invalidImages);

    /// <summary>Conversions between column types, reached as <c>mlContext.Transforms.Conversion</c>.</summary>
    public sealed class ConversionTransforms
    {
        internal ConversionTransforms() { }

        /// <summary>
        /// Maps the values of <paramref name="inputColumnName"/> (default: <paramref name="outputColumnName"/>) to keys
        /// 1..K learned from the data (0 = missing or unseen), keeping the values as the KeyValues annotation.
        /// </summary>
        public ValueToKeyMappingEstimator MapValueToKey(string outputColumnName, string? inputColumnName = null,
            int maximumNumberOfKeys = 1_000_000,
            ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.KeyOrdinality.ByOccurrence,
            bool addKeyValueAnnotationsAsText = false) =>
            new(outputColumnName, inputColumnName, maximumNumberOfKeys, keyOrdinality, addKeyValueAnnotationsAsText);

        /// <summary>Maps the keys of <paramref name="inputColumnName"/> back to the values of its KeyValues annotation.</summary>
        public KeyToValueMappingEstimator MapKeyToValue(string outputColumnName, string? inputColumnName = null) =>
            new(outputColumnName, inputColumnName);
    }
}
