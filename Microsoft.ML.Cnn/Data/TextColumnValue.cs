// One text-file column's value on a cursor's current line: parsed from its field(s) when the cursor moves.
namespace Microsoft.ML.Cnn.Data;

/// <summary>The parsed value of one column, for one cursor.</summary>
internal abstract class TextColumnValue
{
    /// <summary>A value holder for a column of <paramref name="type"/> read from fields <paramref name="start"/>..<paramref name="end"/>.</summary>
    public static TextColumnValue For(DataViewType type, int start, int end) => ItemTypes.Visit(type, new Factory(type, start, end));

    /// <summary>Parses the column's fields; returns null, or a message naming the field and the problem.</summary>
    public abstract string? Parse(List<string> fields);

    /// <summary>A <c>ValueGetter</c> of the column's raw type; <paramref name="checkOnRow"/> fails when the cursor is not on a line.</summary>
    public abstract Delegate CreateGetter(Action checkOnRow);

    private static string? Field(List<string> fields, int index, out string text)
    {
        text = index < fields.Count ? fields[index] : "";
        return index < fields.Count ? null : $"the line has {fields.Count} fields, so field {index} is missing";
    }

    private sealed class Factory(DataViewType type, int start, int end) : IRawTypeVisitor<TextColumnValue>
    {
        public TextColumnValue VisitScalar<T>() => new Scalar<T>((PrimitiveDataViewType)type, start);
        public TextColumnValue VisitVector<TItem>() => new Vector<TItem>(((VectorDataViewType)type).ItemType, start, end);
    }

    private sealed class Scalar<T>(PrimitiveDataViewType type, int index) : TextColumnValue
    {
        private T _value = default!;

        public override string? Parse(List<string> fields)
        {
            string? problem = Field(fields, index, out string text) ?? TextValueParser.TryParse(text, type, out _value);
            return problem == null ? null : $"field {index}: {problem}";
        }

        public override Delegate CreateGetter(Action checkOnRow) => (ValueGetter<T>)((ref T value) => { checkOnRow(); value = _value; });
    }

    private sealed class Vector<TItem>(PrimitiveDataViewType itemType, int start, int end) : TextColumnValue
    {
        private readonly TItem[] _items = new TItem[end - start + 1];

        public override string? Parse(List<string> fields)
        {
            for (int i = start; i <= end; i++)
            {
                string? problem = Field(fields, i, out string text) ?? TextValueParser.TryParse(text, itemType, out _items[i - start]);
                if (problem != null) return $"field {i}: {problem}";
            }
            return null;
        }

        public override Delegate CreateGetter(Action checkOnRow) => (ValueGetter<VBuffer<TItem>>)((ref VBuffer<TItem> value) =>
        {
            checkOnRow();
            new VBuffer<TItem>(_items).CopyTo(ref value);
        });
    }
}
