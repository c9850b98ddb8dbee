// MapKeyToValue's transformer: replaces each key by the value its column's KeyValues annotation names for it.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Conversion;

/// <summary>Maps keys back to values via the input column's <see cref="AnnotationKinds.KeyValues"/>.</summary>
public sealed class KeyToValueMappingTransformer : RowToRowTransformerBase
{
    private readonly string _outputColumnName;
    private readonly string _inputColumnName;

    /// <summary>Maps the keys of <paramref name="inputColumnName"/> (default: the output name) to values in <paramref name="outputColumnName"/>.</summary>
    public KeyToValueMappingTransformer(string outputColumnName, string? inputColumnName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        _outputColumnName = outputColumnName;
        _inputColumnName = inputColumnName ?? outputColumnName;
    }

    /// <summary>The output column.</summary>
    public string OutputColumnName => _outputColumnName;

    /// <summary>The key column read.</summary>
    public string InputColumnName => _inputColumnName;

    /// <summary>The error for a key column without usable KeyValues, shared with the estimator.</summary>
    internal static ArgumentOutOfRangeException NoKeyValues(string name, string actual) => SchemaErrors.Mismatch(name,
        "a scalar key column with a KeyValues annotation (as MapValueToKey produces)", actual);

    internal const string LoaderSignature = "KeyToValueMapping";

    /// <inheritdoc/>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetLoader(LoaderSignature, 1);
        context.Writer.WriteString(_outputColumnName);
        context.Writer.WriteString(_inputColumnName);
    }

    internal static KeyToValueMappingTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        return new KeyToValueMappingTransformer(context.Reader.ReadString("output column"), context.Reader.ReadString("input column"));
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema)
    {
        var input = FindInput(inputSchema, _inputColumnName);
        var keyValues = input.Annotations.Schema.GetColumnOrNull(AnnotationKinds.KeyValues);
        if (input.Type is not KeyDataViewType || keyValues is not { Type: VectorDataViewType { IsKnownSize: true } valuesType })
            throw NoKeyValues(_inputColumnName, $"{input.Type}{(keyValues == null ? " without KeyValues" : "")}");
        return [ItemTypes.Visit(valuesType.ItemType, new ValueColumnFactory(_outputColumnName, input, keyValues.Value))];
    }

    private sealed class ValueColumnFactory(string name, DataViewSchema.Column input, DataViewSchema.Column keyValues)
        : IRawTypeVisitor<MappedColumn>
    {
        public MappedColumn VisitScalar<T>()
        {
            var itemType = ((VectorDataViewType)keyValues.Type).ItemType;
            return MappedColumn.Create<T>(name, itemType, null, [input], row =>
            {
                VBuffer<T> buffer = default;
                input.Annotations.GetGetter<VBuffer<T>>(keyValues)(ref buffer);
                var values = buffer.ToArray();
                var readKey = KeyReader(row, input);
                return (ref T value) =>
                {
                    uint key = readKey();
                    value = key >= 1 && key <= values.Length ? values[key - 1] : ValueSemantics<T>.Missing;
                };
            });
        }

        public MappedColumn VisitVector<TItem>() => throw new InvalidOperationException("KeyValues items are never vectors.");

        private static Func<uint> KeyReader(DataViewRow row, DataViewSchema.Column column)
        {
            if (column.Type.RawType == typeof(byte))
            {
                var getter = row.GetGetter<byte>(column);
                byte key = 0;
                return () => { getter(ref key); return key; };
            }
            var wide = row.GetGetter<uint>(column);
            uint wideKey = 0;
            return () => { wide(ref wideKey); return wideKey; };
        }
    }
}
