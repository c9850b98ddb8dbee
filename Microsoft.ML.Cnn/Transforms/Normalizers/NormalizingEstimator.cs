// mlContext.Transforms.NormalizeMinMax / NormalizeMeanVariance: learns per-slot statistics of a Single column in one
// streaming pass (at most maximumExampleCount rows) and yields an affine or CDF NormalizingTransformer, as ML.NET does.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Normalizers;

/// <summary>Normalizes each slot of a Single column by statistics learned from the data.</summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ###  Estimator Characteristics
/// |  |  |
/// | -- | -- |
/// | Does this estimator need to look at the data to train its parameters? | Yes |
/// | Input column data type | Single, or known-size vector of Single |
/// | Output column data type | The input type (dimensions and annotations kept) |
/// ]]></format>
/// Every slot (vector position) is normalized on its own, as in ML.NET:
/// * MinMax: <c>(x - min) / (max - min)</c> into [0, 1]; with fixZero <c>x / max(|min|, |max|)</c> into [-1, 1], 0 kept.
/// * MeanVariance: <c>(x - mean) / stddev</c>; with fixZero <c>x / sqrt(stddev² + mean²)</c>, 0 kept; with useCdf
///   the normal CDF of <c>(x - mean) / stddev</c> (fixZero is then ignored).
/// The standard deviation is the population one (divided by n). NaN is skipped when learning and stays NaN; mean and
/// variance also skip infinities. A slot without information (constant, or no values) maps to 0.
/// For per-channel image normalization (ImageNet-style) use <c>NormalizeImageChannels</c>.
/// </remarks>
public sealed class NormalizingEstimator : IEstimator<NormalizingTransformer>
{
    /// <summary>The statistic a normalizer learns.</summary>
    public enum NormalizationMode
    {
        /// <summary>Minimum and maximum.</summary>
        MinMax = 0,
        /// <summary>Mean and variance.</summary>
        MeanVariance = 1,
    }

    /// <summary>The input types accepted, for error messages.</summary>
    internal const string ExpectedInput = "Single or a known-size vector of Single";

    private readonly string _outputColumnName;
    private readonly string _inputColumnName;
    private readonly NormalizationMode _mode;
    private readonly long _maximumExampleCount;
    private readonly bool _fixZero;
    private readonly bool _useCdf;

    /// <summary>Normalizes <paramref name="inputColumnName"/> (default: <paramref name="outputColumnName"/>) into <paramref name="outputColumnName"/>.</summary>
    /// <param name="outputColumnName">The normalized column added.</param>
    /// <param name="inputColumnName">The column learned from and normalized.</param>
    /// <param name="mode">The statistic learned.</param>
    /// <param name="maximumExampleCount">The most rows read when learning (more than 1).</param>
    /// <param name="fixZero">Whether 0 maps to 0 (no offset).</param>
    /// <param name="useCdf">MeanVariance only: output the normal CDF of the standardized value.</param>
    public NormalizingEstimator(string outputColumnName, string? inputColumnName = null, NormalizationMode mode = NormalizationMode.MinMax,
        long maximumExampleCount = 1_000_000_000, bool fixZero = true, bool useCdf = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        if (!Enum.IsDefined(mode)) throw new ArgumentOutOfRangeException(nameof(mode), mode, "Use NormalizationMode.MinMax or MeanVariance.");
        if (maximumExampleCount <= 1) throw new ArgumentOutOfRangeException(nameof(maximumExampleCount), maximumExampleCount, "maximumExampleCount must be greater than 1.");
        if (useCdf && mode != NormalizationMode.MeanVariance) throw new ArgumentException("useCdf applies to MeanVariance only.", nameof(useCdf));
        _outputColumnName = outputColumnName;
        _inputColumnName = inputColumnName ?? outputColumnName;
        _mode = mode;
        _maximumExampleCount = maximumExampleCount;
        _fixZero = fixZero;
        _useCdf = useCdf;
    }

    /// <summary>Validates the input column, then reads up to maximumExampleCount rows of it once to learn the statistics.</summary>
    public NormalizingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var column = input.Schema[_inputColumnName];
        var parameters = _mode == NormalizationMode.MinMax ? FitMinMax(input, column) : FitMeanVariance(input, column);
        return new NormalizingTransformer(_outputColumnName, _inputColumnName, column.Type, parameters);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var input = SchemaErrors.Find(inputSchema, _inputColumnName);
        if (input.Kind == SchemaShape.VectorKind.VariableVector || input.IsKey || input.ItemType != NumberDataViewType.Single)
            throw SchemaErrors.Mismatch(input.Name, ExpectedInput, input.GetTypeString());
        var result = new List<SchemaShape.Column>(inputSchema);
        result.RemoveAll(c => c.Name == _outputColumnName);
        result.Add(new SchemaShape.Column(_outputColumnName, input.Kind, input.ItemType, false, input.Annotations));
        return new SchemaShape(result);
    }

    private NormalizerModelParameters FitMinMax(IDataView input, DataViewSchema.Column column)
    {
        var statistics = new MinMaxStatistics(SlotCount(column.Type));
        ForEachRow(input, column, statistics.Add);
        int slots = statistics.Min.Length;
        var scale = new float[slots];
        var offset = new float[slots];
        for (int i = 0; i < slots; i++)
        {
            float min = statistics.Min[i], max = statistics.Max[i];
            if (!(max > min)) continue; // constant or empty: scale 0
            if (_fixZero) scale[i] = 1 / Math.Max(Math.Abs(max), Math.Abs(min));
            else if ((scale[i] = 1 / (max - min)) != 0) offset[i] = min;
        }
        return new AffineNormalizerModelParameters(scale, offset);
    }

    private NormalizerModelParameters FitMeanVariance(IDataView input, DataViewSchema.Column column)
    {
        var statistics = new MeanVarianceStatistics(SlotCount(column.Type));
        ForEachRow(input, column, statistics.Add);
        int slots = statistics.Slots;
        var first = new float[slots];
        var second = new float[slots];
        for (int i = 0; i < slots; i++)
        {
            double mean = statistics.Mean(i), variance = statistics.Variance(i);
            if (variance == 0) continue; // constant or empty: maps to 0
            if (_useCdf) { first[i] = (float)mean; second[i] = (float)Math.Sqrt(variance); }
            else if (_fixZero) first[i] = 1 / (float)Math.Sqrt(variance + mean * mean);
            else if ((first[i] = 1 / (float)Math.Sqrt(variance)) != 0) second[i] = (float)mean;
        }
        return _useCdf ? new CdfNormalizerModelParameters(first, second) : new AffineNormalizerModelParameters(first, second);
    }

    private static int SlotCount(DataViewType type) => type is VectorDataViewType vector ? vector.Size : 1;

    /// <summary>Calls <paramref name="add"/> with each row's slots, for at most maximumExampleCount rows.</summary>
    private void ForEachRow(IDataView input, DataViewSchema.Column column, SlotsAction add)
    {
        using var cursor = input.GetRowCursor([column]);
        var read = SlotReader.Create(cursor, column, _inputColumnName);
        for (long rows = 0; rows < _maximumExampleCount && cursor.MoveNext(); rows++) add(read());
    }

    private delegate void SlotsAction(ReadOnlySpan<float> slots);
}
