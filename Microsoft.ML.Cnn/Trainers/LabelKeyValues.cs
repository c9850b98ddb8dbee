// The label's KeyValues captured at Fit: copied onto PredictedLabel (so MapKeyToValue restores the names) and turned
// into the SlotNames of the multiclass Score vector (so evaluators name the classes).
using System.Globalization;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>A copy of a key column's <see cref="AnnotationKinds.KeyValues"/> (values of any item type).</summary>
internal abstract class LabelKeyValues
{
    /// <summary>The annotation's type, e.g. Vector&lt;String, 3&gt;.</summary>
    public abstract VectorDataViewType Type { get; }

    /// <summary>Each value as text (invariant culture), for slot names.</summary>
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>Reads the KeyValues of <paramref name="column"/>; null when it has none.</summary>
    public static LabelKeyValues? Capture(DataViewSchema.Column column)
    {
        var annotation = column.Annotations.Schema.GetColumnOrNull(AnnotationKinds.KeyValues);
        if (annotation is not { Type: VectorDataViewType { IsKnownSize: true } type }) return null;
        return ItemTypes.Visit(type, new Reader(column.Annotations, annotation.Value, type));
    }

    /// <summary>Adds the KeyValues annotation to <paramref name="builder"/>.</summary>
    public abstract void AddTo(DataViewSchema.Annotations.Builder builder);

    /// <summary>Writes the annotation's type and values.</summary>
    public abstract void Save(ModelStreamWriter writer);

    /// <summary>Reads what <see cref="Save"/> wrote: a known-size vector type of a non-key primitive, and that many values.</summary>
    public static LabelKeyValues Load(ModelStreamReader reader)
    {
        if (reader.ReadType("key values type") is not VectorDataViewType { IsKnownSize: true, ItemType: not KeyDataViewType } type)
            throw reader.Invalid("the key values are not a known-size vector of plain values.");
        return ItemTypes.Visit(type, new Loader(reader, type));
    }

    /// <summary>Adds <see cref="Names"/> as the SlotNames annotation.</summary>
    public void AddSlotNamesTo(DataViewSchema.Annotations.Builder builder)
    {
        var names = new ReadOnlyMemory<char>[Names.Count];
        for (int i = 0; i < names.Length; i++) names[i] = Names[i].AsMemory();
        builder.AddSlotNames(names.Length, (ref VBuffer<ReadOnlyMemory<char>> value) => new VBuffer<ReadOnlyMemory<char>>(names).CopyTo(ref value));
    }

    private sealed class Values<T>(VectorDataViewType type, T[] values) : LabelKeyValues
    {
        public override VectorDataViewType Type => type;

        public override IReadOnlyList<string> Names { get; } = Array.ConvertAll(values, v => v switch
        {
            ReadOnlyMemory<char> text => text.ToString(),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => v?.ToString() ?? "",
        });

        public override void AddTo(DataViewSchema.Annotations.Builder builder) =>
            builder.Add(AnnotationKinds.KeyValues, type, (ref VBuffer<T> value) => new VBuffer<T>(values).CopyTo(ref value));

        public override void Save(ModelStreamWriter writer)
        {
            writer.WriteType(type);
            PrimitiveValueCodec.Write<T>(writer, values);
        }
    }

    private sealed class Loader(ModelStreamReader reader, VectorDataViewType type) : IRawTypeVisitor<LabelKeyValues>
    {
        public LabelKeyValues VisitScalar<T>() => throw new InvalidOperationException("KeyValues are always a vector.");

        public LabelKeyValues VisitVector<TItem>()
        {
            var values = PrimitiveValueCodec.Read<TItem>(reader, "key values");
            if (values.Length != type.Size) throw reader.Invalid($"{values.Length} key values for a {type}.");
            return new Values<TItem>(type, values);
        }
    }

    private sealed class Reader(DataViewSchema.Annotations annotations, DataViewSchema.Column annotation, VectorDataViewType type) : IRawTypeVisitor<LabelKeyValues>
    {
        public LabelKeyValues VisitScalar<T>() => throw new InvalidOperationException("KeyValues are always a vector.");

        public LabelKeyValues VisitVector<TItem>()
        {
            VBuffer<TItem> buffer = default;
            annotations.GetGetter<VBuffer<TItem>>(annotation)(ref buffer);
            return new Values<TItem>(type, buffer.ToArray());
        }
    }
}
