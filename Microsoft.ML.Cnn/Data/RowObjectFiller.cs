// Fills the writable members of a row class from a row's columns: the member-to-column matching that CreateEnumerable
// and prediction engines share, so both accept and reject the same row classes with the same messages.
namespace Microsoft.ML.Cnn.Data;

/// <summary>The members of <typeparamref name="TRow"/> matched to the columns of one schema, checked once.</summary>
internal sealed class RowObjectFiller<TRow> where TRow : class
{
    private readonly MemberColumn<TRow>[] _members;

    private RowObjectFiller(MemberColumn<TRow>[] members, DataViewSchema.Column[] columns)
    {
        _members = members;
        Columns = columns;
    }

    /// <summary>The columns read, one per matched member (the columns a cursor must activate).</summary>
    public DataViewSchema.Column[] Columns { get; }

    /// <summary>
    /// Matches each member to the visible column of its name in <paramref name="schema"/>. A member without a column is
    /// skipped when <paramref name="ignoreMissingColumns"/>, else an error naming <paramref name="dataName"/> (e.g. "the
    /// data"); a column of another raw type, or a member without a public setter, is always an error.
    /// </summary>
    public static RowObjectFiller<TRow> Create(DataViewSchema schema, MemberColumn<TRow>[] members, bool ignoreMissingColumns,
        string dataName, string paramName)
    {
        var matched = new List<MemberColumn<TRow>>(members.Length);
        var columns = new List<DataViewSchema.Column>(members.Length);
        foreach (var member in members)
        {
            if (schema.GetColumnOrNull(member.Name) is not { } column)
            {
                if (ignoreMissingColumns) continue;
                throw new ArgumentOutOfRangeException(paramName,
                    $"{typeof(TRow).Name} needs a column '{member.Name}', which {dataName} does not have. Available columns: {schema.AvailableNames()}.");
            }
            if (column.Type.RawType != member.Type.RawType)
                throw new InvalidOperationException($"Column '{member.Name}' has type {column.Type} (read as {column.Type.RawType.Name}), " +
                    $"but {typeof(TRow).Name} maps it as {member.Type} (read as {member.Type.RawType.Name}).");
            if (!member.CanWrite)
                throw new InvalidOperationException($"{typeof(TRow).Name} maps column '{member.Name}' to a member without a public setter; make it writable or mark it [NoColumn].");
            matched.Add(member);
            columns.Add(column);
        }
        return new RowObjectFiller<TRow>([.. matched], [.. columns]);
    }

    /// <summary>One setter per matched member, reading <paramref name="row"/>'s current values (<see cref="Columns"/> must be active).</summary>
    public Action<TRow>[] CreateSetters(DataViewRow row)
    {
        var setters = new Action<TRow>[_members.Length];
        for (int i = 0; i < setters.Length; i++) setters[i] = _members[i].CreateSetter(row, row.Schema[Columns[i].Index]);
        return setters;
    }
}
