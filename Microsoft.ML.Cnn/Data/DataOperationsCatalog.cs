// mlContext.Data: ML.NET's data operations (load from objects, convert back, and more as they are added).
namespace Microsoft.ML.Cnn.Data;

/// <summary>Operations on data views, reached as <c>mlContext.Data</c>.</summary>
public sealed partial class DataOperationsCatalog
{
    private readonly MLContext _context;

    internal DataOperationsCatalog(MLContext context) => _context = context;

    /// <summary>
    /// A view over <paramref name="data"/>: one column per public field or property of <typeparamref name="TRow"/>
    /// (see <see cref="SchemaDefinition.Create"/>), or as <paramref name="definition"/> says. Nothing is copied: each
    /// cursor enumerates <paramref name="data"/> again, starting when it first moves.
    /// </summary>
    public IDataView LoadFromEnumerable<TRow>(IEnumerable<TRow> data, SchemaDefinition? definition = null) where TRow : class
    {
        ArgumentNullException.ThrowIfNull(data);
        var members = definition == null ? RowTypeCache<TRow>.Members : RowTypeMembers.Bind<TRow>(definition);
        return new EnumerableDataView<TRow>(data, members);
    }

    /// <summary>
    /// The rows of <paramref name="data"/> as <typeparamref name="TRow"/> objects: each writable mapped member is filled
    /// from the column of the same name. With <paramref name="reuseRowObject"/> one object is refilled for every row.
    /// </summary>
    public IEnumerable<TRow> CreateEnumerable<TRow>(IDataView data, bool reuseRowObject = false) where TRow : class, new()
    {
        ArgumentNullException.ThrowIfNull(data);
        var filler = RowObjectFiller<TRow>.Create(data.Schema, RowTypeCache<TRow>.Members, ignoreMissingColumns: false, "the data", nameof(data));
        return Rows(data, filler, reuseRowObject);
    }

    private static IEnumerable<TRow> Rows<TRow>(IDataView data, RowObjectFiller<TRow> filler, bool reuse) where TRow : class, new()
    {
        using var cursor = data.GetRowCursor(filler.Columns);
        var setters = filler.CreateSetters(cursor);
        TRow? shared = null;
        while (cursor.MoveNext())
        {
            var row = reuse ? shared ??= new TRow() : new TRow();
            foreach (var set in setters) set(row);
            yield return row;
        }
    }

    /// <summary>The member columns of a row type, bound once per type (shared with prediction engines).</summary>
    internal static class RowTypeCache<TRow> where TRow : class
    {
        // Bound on first use rather than in a static initializer, so a bad row type fails with its own message.
        private static MemberColumn<TRow>[]? s_members;

        public static MemberColumn<TRow>[] Members => s_members ??= RowTypeMembers.Bind<TRow>(RowTypeMembers.Describe(typeof(TRow)));
    }
}
