// ML.NET's row and cursor: typed getters over the active columns of the current row. Getter requests are validated
// here once for every implementation, so each error names the column, its type and what was asked.
namespace Microsoft.ML.Cnn.Data;

/// <summary>One row of a data view: getters for its active columns. (ML.NET's Batch and row ids are not provided.)</summary>
public abstract class DataViewRow : IDisposable
{
    /// <summary>The columns of the row.</summary>
    public abstract DataViewSchema Schema { get; }

    /// <summary>The 0-based index of the current row; -1 before the first <c>MoveNext</c>.</summary>
    public abstract long Position { get; }

    /// <summary>Whether <paramref name="column"/> was requested when the cursor was created.</summary>
    public abstract bool IsColumnActive(DataViewSchema.Column column);

    /// <summary>
    /// A getter for <paramref name="column"/>; <typeparamref name="TValue"/> must be the column type's raw type and the
    /// column must be active.
    /// </summary>
    public ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if ((uint)column.Index >= (uint)Schema.Count || Schema[column.Index].Name != column.Name)
            throw new ArgumentOutOfRangeException(nameof(column),
                $"Column '{column.Name}' (index {column.Index}) is not in this row's schema: {Schema.AvailableNames()}.");
        if (!IsColumnActive(column))
            throw new InvalidOperationException(
                $"Column '{column.Name}' is not active in this cursor; include it in columnsNeeded when calling GetRowCursor.");
        if (column.Type.RawType != typeof(TValue))
            throw new InvalidOperationException(
                $"Column '{column.Name}' has type {column.Type} (read as {column.Type.RawType.Name}), not {typeof(TValue).Name}; ask for a getter of {column.Type.RawType.Name}.");
        return CreateGetter<TValue>(Schema[column.Index]);
    }

    /// <summary>Creates the getter for an active, type-checked column (checks already done by <see cref="GetGetter"/>).</summary>
    protected abstract ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column);

    /// <summary>Releases the source (e.g. its enumerator).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources held by the row.</summary>
    protected virtual void Dispose(bool disposing) { }
}

/// <summary>A row that moves forward through a data view.</summary>
public abstract class DataViewRowCursor : DataViewRow
{
    /// <summary>Advances to the next row; false when there are no more.</summary>
    public abstract bool MoveNext();
}

/// <summary>Turns a cursor request's column list into an active flag per column.</summary>
internal static class ActiveColumns
{
    public static bool[] From(DataViewSchema schema, IEnumerable<DataViewSchema.Column> columnsNeeded)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var active = new bool[schema.Count];
        foreach (var column in columnsNeeded)
        {
            if ((uint)column.Index >= (uint)schema.Count || schema[column.Index].Name != column.Name)
                throw new ArgumentOutOfRangeException(nameof(columnsNeeded),
                    $"Column '{column.Name}' (index {column.Index}) is not in this data view's schema: {schema.AvailableNames()}.");
            active[column.Index] = true;
        }
        return active;
    }
}
