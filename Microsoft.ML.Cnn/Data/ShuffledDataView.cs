// ShuffleRows's view: a full, uniform permutation of the rows, the same on every cursor for a given seed.
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Data;

/// <summary>The rows of a cached source in a seeded random order (a caller's random generator overrides the seed).</summary>
internal sealed class ShuffledDataView(CachedDataView cache, int seed) : IDataView
{
    public bool CanShuffle => true;

    public DataViewSchema Schema => cache.Schema;

    public long? GetRowCount() => cache.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null) =>
        cache.GetRowCursor(columnsNeeded, rand ?? new SeededRandom(seed));
}
