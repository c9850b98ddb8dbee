// In-memory storage of one column's values, typed per column: scalars as they are, vectors as private copies.
namespace Microsoft.ML.Cnn.Data;

/// <summary>The values of one column for every row, appended from a cursor and read back by row index.</summary>
internal abstract class ColumnStore
{
    /// <summary>An empty store for values of <paramref name="type"/>.</summary>
    public static ColumnStore For(DataViewType type) => ItemTypes.Visit(type, Factory.Instance);

    /// <summary>A store for values of a reference type that never change once made (e.g. decoded images): kept as they are.</summary>
    public static ColumnStore ForImmutableReferences<T>() where T : class => new ScalarStore<T>();

    /// <summary>An action appending <paramref name="column"/>'s current value in <paramref name="source"/>.</summary>
    public abstract Action CreateAppender(DataViewRow source, DataViewSchema.Column column);

    /// <summary>A <c>ValueGetter</c> of the column's raw type reading the row <paramref name="rowIndex"/> returns.</summary>
    public abstract Delegate CreateGetter(Func<int> rowIndex);

    private sealed class Factory : IRawTypeVisitor<ColumnStore>
    {
        public static readonly Factory Instance = new();
        public ColumnStore VisitScalar<T>() => new ScalarStore<T>();
        public ColumnStore VisitVector<TItem>() => new VectorStore<TItem>();
    }

    private sealed class ScalarStore<T> : ColumnStore
    {
        private readonly List<T> _values = [];

        public override Action CreateAppender(DataViewRow source, DataViewSchema.Column column)
        {
            var getter = source.GetGetter<T>(column);
            T value = default!;
            return () => { getter(ref value); _values.Add(value); };
        }

        public override Delegate CreateGetter(Func<int> rowIndex) => (ValueGetter<T>)((ref T value) => value = _values[rowIndex()]);
    }

    private sealed class VectorStore<TItem> : ColumnStore
    {
        private readonly List<TItem[]> _values = [];

        public override Action CreateAppender(DataViewRow source, DataViewSchema.Column column)
        {
            var getter = source.GetGetter<VBuffer<TItem>>(column);
            VBuffer<TItem> value = default;
            return () => { getter(ref value); _values.Add(value.ToArray()); };
        }

        // Copies out, so a consumer writing into its buffer can never change the cache.
        public override Delegate CreateGetter(Func<int> rowIndex) =>
            (ValueGetter<VBuffer<TItem>>)((ref VBuffer<TItem> value) => new VBuffer<TItem>(_values[rowIndex()]).CopyTo(ref value));
    }
}
