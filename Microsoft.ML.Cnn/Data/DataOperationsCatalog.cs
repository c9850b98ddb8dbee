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
        var members = RowTypeCache<TRow>.Members;
        var columns = new DataViewSchema.Column[members.Length];
        for (int i = 0; i < members.Length; i++)
        {
            var member = members[i];
            var column = data.Schema.GetColumnOrNull(member.Name) ?? throw new ArgumentOutOfRangeException(nameof(data),
                $"{typeof(TRow).Name} needs a column '{member.Name}', which the data does not have. Available columns: {data.Schema.AvailableNames()}.");
            if (column.Type.RawType != member.Type.RawType)
                throw new InvalidOperationException($"Column '{member.Name}' has type {column.Type} (read as {column.Type.RawType.Name}), " +
                    $"but {typeof(TRow).Name} maps it as {member.Type} (read as {member.Type.RawType.Name}).");
            if (!member.CanWrite)
                throw new InvalidOperationException($"{typeof(TRow).Name} maps column '{member.Name}' to a member without a public setter; make it writable or mark it [NoColumn].");
            columns[i] = column;
        }
        return Rows(data, members, columns, reuseRowObject);
    }

    private static IEnumerable<TRow> Rows<TRow>(IDataView data, MemberColumn<TRow>[] members, DataViewSchema.Column[] columns, bool reuse)
        where TRow : class, new()
    {
        using var cursor = data.GetRowCursor(columns);
        var setters = new Action<TRow>[members.Length];
        for (int i = 0; i < setters.Length; i++) setters[i] = members[i].CreateSetter(cursor, columns[i]);
        TRow? shared = null;
        while (cursor.MoveNext())
        {
            var row = reuse ? shared ??= new TRow() : new TRow();
            foreach (var set in setters) set(row);
            yield return row;
        }
    }

    /// <summary>The member columns of a row type, bound once per type.</summary>
    private static class RowTypeCache<TRow> where TRow : class
    {
        // Bound on first use rather than in a static initializer, so a bad row type fails with its own message.
        private static MemberColumn<TRow>[]? s_members;

        public static MemberColumn<TRow>[] Members => s_members ??= RowTypeMembers.Bind<TRow>(RowTypeMembers.Describe(typeof(TRow)));
    }
}
