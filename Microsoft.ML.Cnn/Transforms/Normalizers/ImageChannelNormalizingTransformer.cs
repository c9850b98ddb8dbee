// NormalizeImageChannels' transformer: (x - mean[c]) / std[c] for every value of channel c of an image vector.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Persistence.Pipeline;

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

    internal const string LoaderSignature = "ImageChannelNormalizing";

    /// <summary>Saves the channel statistics bit for bit (float32), so a loaded normalizer gives identical output.</summary>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetLoader(LoaderSignature, 1);
        var writer = context.Writer;
        writer.WriteString(OutputColumnName);
        writer.WriteString(InputColumnName);
        writer.WriteType(InputType);
        writer.WriteBool(InterleavePixelColors);
        writer.WriteSingles(_mean);
        writer.WriteSingles(_std);
    }

    internal static ImageChannelNormalizingTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        var reader = context.Reader;
        string output = reader.ReadString("output column"), input = reader.ReadString("input column");
        var type = reader.ReadType("input type");
        bool interleave = reader.ReadBool("interleave flag");
        if (type is not VectorDataViewType { Dimensions.Count: 3, IsKnownSize: true } vector || vector.ItemType != NumberDataViewType.Single)
            throw reader.Invalid($"a channel normalizer's input type is {type}; expected {ExpectedInput}.");
        var mean = reader.ReadSingles("channel means");
        var std = reader.ReadSingles("channel standard deviations");
        int channels = Channels(vector, interleave);
        if (mean.Length != channels || std.Length != channels)
            throw reader.Invalid($"{mean.Length} means and {std.Length} deviations for {channels} channels.");
        foreach (float m in mean) if (!float.IsFinite(m)) throw reader.Invalid($"a channel mean is {m}.");
        foreach (float s in std) if (!float.IsFinite(s) || s < 0) throw reader.Invalid($"a channel standard deviation is {s}.");
        return new ImageChannelNormalizingTransformer(output, input, vector, interleave, mean, std);
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
