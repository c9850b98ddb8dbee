// What MapValueToKey learns: the distinct values of a column, key i + 1 standing for value i, and the key column it
// produces (key 0 for missing or unseen values) with those values as its KeyValues annotation.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Conversion;

/// <summary>A trained value-to-key dictionary over values of <see cref="ValueType"/>.</summary>
public abstract class KeyValueMap
{
    private protected KeyValueMap() { }

    /// <summary>The type of the mapped values.</summary>
    public abstract PrimitiveDataViewType ValueType { get; }

    /// <summary>The number of keys (distinct values kept).</summary>
    public abstract int Count { get; }

    /// <summary>The values as text, value <c>i</c> for key <c>i + 1</c>.</summary>
    public abstract IReadOnlyList<string> ValuesAsText();

    /// <summary>The key column <paramref name="name"/> computed from <paramref name="input"/>.</summary>
    internal abstract MappedColumn KeyColumn(string name, DataViewSchema.Column input, bool keyValuesAsText);

    /// <summary>Writes the value type and the values in key order.</summary>
    internal abstract void Save(ModelStreamWriter writer);

    /// <summary>Reads a map written by <see cref="Save"/>; values must be distinct and non-missing.</summary>
    internal static KeyValueMap Load(ModelStreamReader reader)
    {
        var type = reader.ReadType("key value type");
        if (type is not PrimitiveDataViewType primitive || type is KeyDataViewType)
            throw reader.Invalid($"key values of type {type} are not supported; MapValueToKey maps primitive non-key values.");
        return ItemTypes.Visit(primitive, new Loader(reader, primitive));
    }

    private sealed class Loader(ModelStreamReader reader, PrimitiveDataViewType type) : IRawTypeVisitor<KeyValueMap>
    {
        public KeyValueMap VisitScalar<T>() => KeyValueMap<T>.Load(reader, type);
        public KeyValueMap VisitVector<TItem>() => throw reader.Invalid("key values are never vectors.");
    }

    /// <summary>Reads <paramref name="column"/> of <paramref name="data"/> and collects its distinct non-missing values.</summary>
    internal static KeyValueMap Train(IDataView data, DataViewSchema.Column column, int maximumNumberOfKeys,
        ValueToKeyMappingEstimator.KeyOrdinality ordinality) =>
        ItemTypes.Visit(column.Type, new Trainer(data, column, maximumNumberOfKeys, ordinality));

    private sealed class Trainer(IDataView data, DataViewSchema.Column column, int maximum,
        ValueToKeyMappingEstimator.KeyOrdinality ordinality) : IRawTypeVisitor<KeyValueMap>
    {
        public KeyValueMap VisitScalar<T>() => KeyValueMap<T>.TrainTyped(data, column, maximum, ordinality);

        public KeyValueMap VisitVector<TItem>() => throw new InvalidOperationException(
            $"Column '{column.Name}' is a vector ({column.Type}); MapValueToKey maps scalar columns only.");
    }
}

// T is always one of the non-nullable item types (numbers, Boolean, ReadOnlyMemory<char>), reached through the
// unconstrained IRawTypeVisitor, so Dictionary's notnull constraint holds though the compiler cannot see it.
#pragma warning disable CS8714
/// <summary>A value-to-key dictionary over values of type <typeparamref name="T"/>.</summary>
internal sealed class KeyValueMap<T> : KeyValueMap
{
    private static readonly ValueSemantics<T> Semantics = ValueSemantics<T>.Instance;
    private readonly T[] _values;
    private readonly Dictionary<T, uint> _keys;

    private KeyValueMap(PrimitiveDataViewType valueType, T[] values)
    {
        ValueType = valueType;
        _values = values;
        _keys = new Dictionary<T, uint>(values.Length, Semantics);
        for (int i = 0; i < values.Length; i++) _keys.Add(values[i], (uint)i + 1);
    }

    public override PrimitiveDataViewType ValueType { get; }

    internal override void Save(ModelStreamWriter writer)
    {
        writer.WriteType(ValueType);
        PrimitiveValueCodec.Write<T>(writer, _values);
    }

    internal static KeyValueMap<T> Load(ModelStreamReader reader, PrimitiveDataViewType type)
    {
        var values = PrimitiveValueCodec.Read<T>(reader, "key values");
        if (values.Length == 0) throw reader.Invalid("a key map holds no values.");
        var seen = new HashSet<T>(Semantics);
        foreach (var value in values)
            if (Semantics.IsMissing(value) || !seen.Add(value)) throw reader.Invalid($"key value '{Semantics.ToText(value)}' is missing or repeated.");
        return new KeyValueMap<T>(type, values);
    }

    public override int Count => _values.Length;

    public override IReadOnlyList<string> ValuesAsText() => Array.ConvertAll(_values, Semantics.ToText);

    public static KeyValueMap<T> TrainTyped(IDataView data, DataViewSchema.Column column, int maximum, ValueToKeyMappingEstimator.KeyOrdinality ordinality)
    {
        var seen = new HashSet<T>(Semantics);
        var values = new List<T>();
        using (var cursor = data.GetRowCursor([column]))
        {
            var getter = cursor.GetGetter<T>(column);
            T value = default!;
            while (values.Count < maximum && cursor.MoveNext())
            {
                getter(ref value);
                if (Semantics.IsMissing(value) || seen.Contains(value)) continue;
                var owned = Semantics.Own(value);
                seen.Add(owned);
                values.Add(owned);
            }
        }
        if (values.Count == 0)
            throw new InvalidOperationException($"Column '{column.Name}' has no non-missing values, so MapValueToKey has no keys to learn; fit on data with at least one value.");
        if (ordinality == ValueToKeyMappingEstimator.KeyOrdinality.ByValue) values.Sort(Semantics);
        return new KeyValueMap<T>((PrimitiveDataViewType)column.Type, [.. values]);
    }

    internal override MappedColumn KeyColumn(string name, DataViewSchema.Column input, bool keyValuesAsText)
    {
        var annotations = new DataViewSchema.Annotations.Builder();
        if (keyValuesAsText)
        {
            var text = Array.ConvertAll(_values, v => Semantics.ToText(v).AsMemory());
            annotations.AddKeyValues(text.Length, TextDataViewType.Instance, (ref VBuffer<ReadOnlyMemory<char>> v) => new VBuffer<ReadOnlyMemory<char>>(text).CopyTo(ref v));
        }
        else
        {
            annotations.AddKeyValues(_values.Length, ValueType, (ref VBuffer<T> v) => new VBuffer<T>(_values).CopyTo(ref v));
        }
        return MappedColumn.Create<uint>(name, new KeyDataViewType((ulong)_values.Length), annotations.ToAnnotations(), [input], row =>
        {
            var getter = row.GetGetter<T>(input);
            T value = default!;
            return (ref uint key) =>
            {
                getter(ref value);
                key = !Semantics.IsMissing(value) && _keys.TryGetValue(value, out uint found) ? found : 0;
            };
        });
    }
}
#pragma warning restore CS8714
