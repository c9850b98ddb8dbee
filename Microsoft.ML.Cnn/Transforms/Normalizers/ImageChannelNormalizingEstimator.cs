// mlContext.Transforms.NormalizeImageChannels: per-channel (x - mean[c]) / std[c] of a (C, H, W) or (H, W, C) image
// column, as torchvision's Normalize; the mean and std are given (e.g. ImageNet's) or learned from the data in one pass.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Normalizers;

/// <summary>Normalizes each color channel of an image feature column by its mean and standard deviation.</summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ###  Estimator Characteristics
/// |  |  |
/// | -- | -- |
/// | Does this estimator need to look at the data to train its parameters? | Only when mean and std are not given |
/// | Input column data type | Known-size vector of Single with 3 dimensions, (C, H, W) or (H, W, C) |
/// | Output column data type | The input type (dimensions and annotations kept) |
/// ]]></format>
/// ML.NET normalizes each slot (pixel position) separately; CNNs want one mean and deviation per channel, shared by
/// all pixels, which is what this does. Learned statistics run over every finite value of a channel in every row; the
/// standard deviation is the population one. A learned channel that is constant maps to 0.
/// </remarks>
public sealed class ImageChannelNormalizingEstimator : IEstimator<ImageChannelNormalizingTransformer>
{
    private readonly string _outputColumnName;
    private readonly string _inputColumnName;
    private readonly float[]? _mean;
    private readonly float[]? _std;
    private readonly bool _interleavePixelColors;

    /// <summary>Normalizes the channels of <paramref name="inputColumnName"/> (default: <paramref name="outputColumnName"/>).</summary>
    /// <param name="outputColumnName">The normalized column added.</param>
    /// <param name="inputColumnName">The image feature column, e.g. from ExtractPixels.</param>
    /// <param name="mean">The mean of each channel, or null (with <paramref name="std"/> null) to learn both from the data.</param>
    /// <param name="std">The standard deviation of each channel (positive), or null (with <paramref name="mean"/> null).</param>
    /// <param name="interleavePixelColors">False: the channel is the first dimension (C, H, W); true: the last (H, W, C), as ExtractPixels' flag of that name.</param>
    public ImageChannelNormalizingEstimator(string outputColumnName, string? inputColumnName = null, float[]? mean = null, float[]? std = null,
        bool interleavePixelColors = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        if ((mean == null) != (std == null))
            throw new ArgumentException("Give both mean and std (e.g. ImageNet's constants) or neither (to learn them from the data).", mean == null ? nameof(mean) : nameof(std));
        if (mean != null && std != null)
        {
            if (mean.Length != std.Length) throw new ArgumentException($"mean has {mean.Length} values but std has {std.Length}; give one of each per channel.", nameof(std));
            if (mean.Length == 0) throw new ArgumentException("Give at least one channel's mean and std.", nameof(mean));
            foreach (float m in mean) if (!float.IsFinite(m)) throw new ArgumentException($"Every mean must be finite; got [{string.Join(", ", mean)}].", nameof(mean));
            foreach (float s in std) if (!(s > 0) || !float.IsFinite(s)) throw new ArgumentException($"Every std must be positive and finite; got [{string.Join(", ", std)}].", nameof(std));
        }
        _outputColumnName = outputColumnName;
        _inputColumnName = inputColumnName ?? outputColumnName;
        _mean = (float[]?)mean?.Clone();
        _std = (float[]?)std?.Clone();
        _interleavePixelColors = interleavePixelColors;
    }

    /// <summary>Validates the column; learns the channel statistics in one pass when they were not given.</summary>
    public ImageChannelNormalizingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var column = input.Schema[_inputColumnName];
        var type = ImageChannelNormalizingTransformer.CheckType(column, _interleavePixelColors, _mean?.Length);
        if (_mean != null) return new(_outputColumnName, _inputColumnName, type, _interleavePixelColors, _mean, _std!);
        int channels = ImageChannelNormalizingTransformer.Channels(type, _interleavePixelColors);
        var statistics = new MeanVarianceStatistics(channels);
        using (var cursor = input.GetRowCursor([column]))
        {
            var read = SlotReader.Create(cursor, column, _inputColumnName);
            int area = type.Size / channels;
            while (cursor.MoveNext())
            {
                var values = read();
                for (int i = 0; i < values.Length; i++)
                    statistics.Add(_interleavePixelColors ? i % channels : i / area, values[i]);
            }
        }
        var mean = new float[channels];
        var std = new float[channels];
        for (int c = 0; c < channels; c++)
        {
            mean[c] = (float)statistics.Mean(c);
            std[c] = (float)Math.Sqrt(statistics.Variance(c));
        }
        return new(_outputColumnName, _inputColumnName, type, _interleavePixelColors, mean, std);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var input = SchemaErrors.Find(inputSchema, _inputColumnName);
        if (input.Kind != SchemaShape.VectorKind.Vector || input.IsKey || input.ItemType != NumberDataViewType.Single)
            throw SchemaErrors.Mismatch(input.Name, ImageChannelNormalizingTransformer.ExpectedInput, input.GetTypeString());
        var result = new List<SchemaShape.Column>(inputSchema);
        result.RemoveAll(c => c.Name == _outputColumnName);
        result.Add(new SchemaShape.Column(_outputColumnName, input.Kind, input.ItemType, false, input.Annotations));
        return new SchemaShape(result);
    }
}
