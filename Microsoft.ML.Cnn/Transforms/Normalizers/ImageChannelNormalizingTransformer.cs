// NormalizeImageChannels' transformer: (x - mean[c]) / std[c] for every value of channel c of an image vector.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Normalizers;

/// <summary>Adds a column of per-channel normalized image values, of the input's type, with the input's annotations.</summary>
public sealed class ImageChannelNormalizingTransformer : RowToRowTransformerBase
{
    /// <summary>The input types accepted, for error messages.</summary>
    internal const string ExpectedInput = "a known-size vector of Single with dimensions (C, H, W) or (H, W, C), e.g. from ExtractPixels";

    private readonly float[] _mean;
    private readonly float[] _std;

    internal ImageChannelNormalizingTransformer(string outputColumnName, string inputColumnName, VectorDataViewType inputType,
        bool interleavePixelColors, float[] mean, float[] std)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        InputType = inputType;
        InterleavePixelColors = interleavePixelColors;
        _mean = mean;
        _std = std;
    }

    /// <summary>The normalized column added.</summary>
    public string OutputColumnName { get; }

    /// <summary>The column normalized.</summary>
    public string InputColumnName { get; }

    /// <summary>The type the transformer was made for; the input must have it.</summary>
    public VectorDataViewType InputType { get; }

    /// <summary>Whether the channel is the last dimension (H, W, C) rather than the first (C, H, W).</summary>
    public bool InterleavePixelColors { get; }

    /// <summary>The mean of each channel, subtracted.</summary>
    public IReadOnlyList<float> Mean => _mean;

    /// <summary>The standard deviation of each channel, divided by (0 for a constant learned channel, which maps to 0).</summary>
    public IReadOnlyList<float> StandardDeviation => _std;

    /// <summary>The number of channels of <paramref name="type"/> under the layout.</summary>
    internal static int Channels(VectorDataViewType type, bool interleavePixelColors) =>
        type.Dimensions[interleavePixelColors ? 2 : 0];

    /// <summary>Checks that <paramref name="column"/> is a 3-dimensional Single image vector with <paramref name="channels"/> channels (when given).</summary>
    internal static VectorDataViewType CheckType(DataViewSchema.Column column, bool interleavePixelColors, int? channels)
    {
        if (column.Type is not VectorDataViewType { Dimensions.Count: 3, IsKnownSize: true } vector || vector.ItemType != NumberDataViewType.Single)
            throw SchemaErrors.Mismatch(column.Name, ExpectedInput, column.Type.ToString()!);
        int actual = Channels(vector, interleavePixelColors);
        if (channels != null && channels != actual)
            throw new ArgumentOutOfRangeException("inputSchema", $"Column '{column.Name}' ({vector}) has {actual} channels " +
                $"(dimension {(interleavePixelColors ? "H, W, C" : "C, H, W")}), but {channels} means and stds were given; give one per channel.");
        return vector;
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema)
    {
        var input = FindInput(inputSchema, InputColumnName);
        if (!input.Type.Equals(InputType)) throw SchemaErrors.Mismatch(InputColumnName, $"{InputType} (the type it was made for)", input.Type.ToString()!);
        int channels = _mean.Length, area = InputType.Size / channels;
        return [MappedColumn.Create<VBuffer<float>>(OutputColumnName, InputType, input.Annotations, [input], row =>
        {
            var read = SlotReader.Create(row, input, InputColumnName);
            var output = new float[InputType.Size];
            return (ref VBuffer<float> value) =>
            {
                var values = read();
                for (int i = 0; i < values.Length; i++)
                {
                    int c = InterleavePixelColors ? i % channels : i / area;
                    output[i] = _std[c] == 0 ? 0f : (values[i] - _mean[c]) / _std[c];
                }
                new VBuffer<float>(output).CopyTo(ref value);
            };
        })];
    }
}
