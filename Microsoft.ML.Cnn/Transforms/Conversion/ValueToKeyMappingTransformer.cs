// MapValueToKey's fitted transformer: looks each value up in the learned dictionary.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Conversion;

/// <summary>Maps values to the keys learned by <see cref="ValueToKeyMappingEstimator"/>.</summary>
public sealed class ValueToKeyMappingTransformer : RowToRowTransformerBase
{
    private readonly string _outputColumnName;
    private readonly string _inputColumnName;
    private readonly bool _keyValuesAsText;

    internal ValueToKeyMappingTransformer(string outputColumnName, string inputColumnName, KeyValueMap map, bool keyValuesAsText)
    {
        _outputColumnName = outputColumnName;
        _inputColumnName = inputColumnName;
        Map = map;
        _keyValuesAsText = keyValuesAsText;
    }

    /// <summary>The learned dictionary.</summary>
    public KeyValueMap Map { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema)
    {
        var input = FindInput(inputSchema, _inputColumnName);
        if (!input.Type.Equals(Map.ValueType))
            throw SchemaErrors.Mismatch(_inputColumnName, $"{Map.ValueType} (the type it was fitted on)", input.Type.ToString()!);
        return [Map.KeyColumn(_outputColumnName, input, _keyValuesAsText)];
    }
}
