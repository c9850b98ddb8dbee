// ML.NET's central data abstraction: a lazily evaluated table read through cursors.
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Data;

/// <summary>
/// A table of rows with a fixed <see cref="Schema"/>, read through cursors. Views are lazy: creating one reads nothing,
/// and each cursor reads its source again (only a cache, <c>mlContext.Data.Cache</c>, keeps rows in memory).
/// </summary>
public interface IDataView
{
    /// <summary>Whether <see cref="GetRowCursor"/> honours a random generator by returning rows in shuffled order.</summary>
    bool CanShuffle { get; }

    /// <summary>The columns of every row.</summary>
    DataViewSchema Schema { get; }

    /// <summary>The number of rows when known without reading them, otherwise null.</summary>
    long? GetRowCount();

    /// <summary>
    /// A cursor over the rows, with only <paramref name="columnsNeeded"/> active. <paramref name="rand"/> asks for a
    /// shuffled order when <see cref="CanShuffle"/>; unlike ML.NET (System.Random) it is the project's deterministic
    /// <see cref="SeededRandom"/>, so shuffles are identical on every platform.
    /// </summary>
    DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null);
}
