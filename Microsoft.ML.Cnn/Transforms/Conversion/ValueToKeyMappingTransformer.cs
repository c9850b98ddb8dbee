// MapValueToKey's fitted transformer: looks each value up in the learned dictionary.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Persistence.Pipeline;

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

    internal const string LoaderSignature = "ValueToKeyMapping";

    /// <inheritdoc/>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetLoader(LoaderSignature, 1);
        context.Writer.WriteString(_outputColumnName);
        context.Writer.WriteString(_inputColumnName);
        context.Writer.WriteBool(_keyValuesAsText);
        Map.Save(context.Writer);
    }

    internal static ValueToKeyMappingTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        var reader = context.Reader;
        string output = reader.ReadString("output column"), input = reader.ReadString("input column");
        bool asText = reader.ReadBool("key values as text flag");
        return new ValueToKeyMappingTransformer(output, input, KeyValueMap.Load(reader), asText);
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema)
    {
        var input = FindInput(inputSchema, _inputColumnName);
        if (!input.Type.Equals(Map.ValueType))
            throw SchemaErrors.Mismatch(_inputColumnName, $"{Map.ValueType} (the type it was fitted on)", input.Type.ToString()!);
        return [Map.KeyColumn(_outputColumnName, input, _keyValuesAsText)];
    }
}
