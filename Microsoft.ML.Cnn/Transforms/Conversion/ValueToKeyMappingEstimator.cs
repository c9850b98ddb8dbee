// MapValueToKey: learns the distinct values of a column and maps each to a key (1-based; 0 = missing or unseen).
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Conversion;

/// <summary>Maps the values of a scalar column to keys learned from the data.</summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ###  Estimator Characteristics
/// |  |  |
/// | -- | -- |
/// | Does this estimator need to look at the data to train its parameters? | Yes |
/// | Input column data type | Scalar of Single, Double, Int32, UInt32, Byte, Boolean or String |
/// | Output column data type | Key of UInt32, with a KeyValues annotation |
/// ]]></format>
/// Value <c>i</c> of the dictionary gets key <c>i + 1</c>; NaN, values not seen in training and values beyond
/// <c>maximumNumberOfKeys</c> map to key 0 (missing). Vector input columns are not supported.
/// </remarks>
public sealed class ValueToKeyMappingEstimator : IEstimator<ValueToKeyMappingTransformer>
{
    /// <summary>The order in which keys are assigned to values.</summary>
    public enum KeyOrdinality
    {
        /// <summary>In order of first appearance in the data.</summary>
        ByOccurrence = 0,
        /// <summary>In ascending order of value (text: ordinal).</summary>
        ByValue = 1,
    }

    private readonly string _outputColumnName;
    private readonly string _inputColumnName;
    private readonly int _maximumNumberOfKeys;
    private readonly KeyOrdinality _keyOrdinality;
    private readonly bool _addKeyValueAnnotationsAsText;

    /// <summary>Maps <paramref name="inputColumnName"/> (default: the output name) to keys in <paramref name="outputColumnName"/>.</summary>
    public ValueToKeyMappingEstimator(string outputColumnName, string? inputColumnName = null, int maximumNumberOfKeys = 1_000_000,
        KeyOrdinality keyOrdinality = KeyOrdinality.ByOccurrence, bool addKeyValueAnnotationsAsText = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        if (maximumNumberOfKeys < 1)
            throw new ArgumentOutOfRangeException(nameof(maximumNumberOfKeys), $"maximumNumberOfKeys must be at least 1; got {maximumNumberOfKeys}.");
        if (keyOrdinality is not (KeyOrdinality.ByOccurrence or KeyOrdinality.ByValue)) throw new ArgumentOutOfRangeException(nameof(keyOrdinality), $"Unknown key ordinality {keyOrdinality}.");
        _outputColumnName = outputColumnName;
        _inputColumnName = inputColumnName ?? outputColumnName;
        _maximumNumberOfKeys = maximumNumberOfKeys;
        _keyOrdinality = keyOrdinality;
        _addKeyValueAnnotationsAsText = addKeyValueAnnotationsAsText;
    }

    /// <summary>Validates the input column, then learns its distinct values.</summary>
    public ValueToKeyMappingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var column = input.Schema[_inputColumnName];
        var map = KeyValueMap.Train(input, column, _maximumNumberOfKeys, _keyOrdinality);
        return new ValueToKeyMappingTransformer(_outputColumnName, _inputColumnName, map, _addKeyValueAnnotationsAsText);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var input = SchemaErrors.Find(inputSchema, _inputColumnName);
        CheckMappable(input);
        var keyValuesType = _addKeyValueAnnotationsAsText ? TextDataViewType.Instance : input.ItemType;
        var annotations = new SchemaShape([new SchemaShape.Column(AnnotationKinds.KeyValues, SchemaShape.VectorKind.Vector, keyValuesType, false)]);
        var result = new List<SchemaShape.Column>(inputSchema);
        result.RemoveAll(c => c.Name == _outputColumnName);
        result.Add(new SchemaShape.Column(_outputColumnName, SchemaShape.VectorKind.Scalar, NumberDataViewType.UInt32, true, annotations));
        return new SchemaShape(result);
    }

    private static void CheckMappable(SchemaShape.Column input)
    {
        bool supported = input.ItemType is NumberDataViewType or BooleanDataViewType or TextDataViewType;
        if (input.Kind != SchemaShape.VectorKind.Scalar || input.IsKey || !supported)
            throw SchemaErrors.Mismatch(input.Name, "a scalar of Single, Double, Int32, UInt32, Byte, Boolean or String", input.GetTypeString());
    }
}
