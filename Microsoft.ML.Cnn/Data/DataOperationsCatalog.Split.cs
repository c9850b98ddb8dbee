// mlContext.Data sampling operations: cache, shuffle, and train/test splits (random, grouped by a key, or stratified).
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Data;

public sealed partial class DataOperationsCatalog
{
    /// <summary>The two parts of a split.</summary>
    public sealed class TrainTestData
    {
        internal TrainTestData(IDataView trainSet, IDataView testSet) => (TrainSet, TestSet) = (trainSet, testSet);

        /// <summary>The rows for training.</summary>
        public IDataView TrainSet { get; }

        /// <summary>The held-out rows.</summary>
        public IDataView TestSet { get; }
    }

    /// <summary>
    /// A view that reads <paramref name="input"/> once, on its first cursor, and then serves rows from memory
    /// (in any order, so trainers can shuffle it each epoch).
    /// </summary>
    public IDataView Cache(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input as CachedDataView ?? new CachedDataView(input);
    }

    /// <summary>
    /// The rows of <paramref name="input"/> in a random order fixed by <paramref name="seed"/> (drawn from the context
    /// when null). Unlike ML.NET's pool-based shuffle this is a full uniform permutation: the rows are cached in memory
    /// on the first cursor.
    /// </summary>
    public IDataView ShuffleRows(IDataView input, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ShuffledDataView(input as CachedDataView ?? new CachedDataView(input), seed ?? _context.NextSeed());
    }

    /// <summary>
    /// Splits <paramref name="data"/> into train and test views, lazily (the source is read when they are).
    /// <list type="bullet">
    /// <item>By default exactly round(rows × <paramref name="testFraction"/>) rows (halves round up), chosen at random, go to the test set.</item>
    /// <item>With <paramref name="samplingKeyColumnName"/>, as in ML.NET, rows with equal key values land on the same side
    /// (e.g. all crops of one photo); the test share is then <paramref name="testFraction"/> of the keys on average.</item>
    /// <item>With <paramref name="stratificationColumnName"/>, each class of that column is split in the same proportion.</item>
    /// </list>
    /// The choice is fixed by <paramref name="seed"/> (drawn from the context when null). The split views do not shuffle.
    /// </summary>
    public TrainTestData TrainTestSplit(IDataView data, double testFraction = 0.1, string? samplingKeyColumnName = null,
        int? seed = null, string? stratificationColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(testFraction > 0 && testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), $"testFraction must be strictly between 0 and 1; got {testFraction}.");
        if (samplingKeyColumnName != null && stratificationColumnName != null)
            throw new ArgumentException("Give either a sampling key column (groups stay together) or a stratification column, not both.");
        int s = seed ?? _context.NextSeed();

        if (samplingKeyColumnName != null)
        {
            var key = KeyColumn(data, samplingKeyColumnName, nameof(samplingKeyColumnName));
            ulong threshold = (ulong)(testFraction * ulong.MaxValue);
            Func<DataViewRowCursor, Func<bool>> isTest = cursor =>
            {
                var hash = RowKeyHasher.Create(cursor, key);
                return () => RowKeyHasher.Mix(hash(), s) < threshold;
            };
            return new TrainTestData(
                new FilteredDataView(data, [key], cursor => { var test = isTest(cursor); return () => !test(); }),
                new FilteredDataView(data, [key], isTest));
        }

        DataViewSchema.Column? stratum = stratificationColumnName == null ? null : KeyColumn(data, stratificationColumnName, nameof(stratificationColumnName));
        var mask = new Lazy<bool[]>(() => stratum is { } c ? StratifiedTestMask(data, c, testFraction, s) : RandomTestMask(data, testFraction, s));
        DataViewSchema.Column[] none = [];
        return new TrainTestData(
            new FilteredDataView(data, none, cursor => () => !IsMarked(mask.Value, cursor.Position)),
            new FilteredDataView(data, none, cursor => () => IsMarked(mask.Value, cursor.Position)));
    }

    private static DataViewSchema.Column KeyColumn(IDataView data, string name, string parameter)
    {
        var column = data.Schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(parameter,
            $"No column named '{name}'. Available columns: {data.Schema.AvailableNames()}.");
        if (column.Type is VectorDataViewType)
            throw new ArgumentException($"Column '{name}' is a vector ({column.Type}); {parameter} needs a column of single values.", parameter);
        return column;
    }

    private static bool IsMarked(bool[] mask, long position) => position < mask.Length ? mask[position] : throw new InvalidOperationException(
        $"The source returned more rows ({position + 1}) than when the split was drawn ({mask.Length}); split a source whose rows do not change.");

    private static bool[] RandomTestMask(IDataView data, double testFraction, int seed)
    {
        int rows = CountRows(data);
        var order = new int[rows];
        for (int i = 0; i < rows; i++) order[i] = i;
        new SeededRandom(seed).Shuffle(order);
        var mask = new bool[rows];
        int testRows = (int)Math.Round(rows * testFraction, MidpointRounding.AwayFromZero);
        for (int i = 0; i < testRows; i++) mask[order[i]] = true;
        return mask;
    }

    private static bool[] StratifiedTestMask(IDataView data, DataViewSchema.Column stratum, double testFraction, int seed)
    {
        var classes = new Dictionary<ulong, List<int>>();
        var classOrder = new List<List<int>>(); // first-seen order, so the result does not depend on dictionary order
        int rows = 0;
        using (var cursor = data.GetRowCursor([stratum]))
        {
            var hash = RowKeyHasher.Create(cursor, stratum);
            while (cursor.MoveNext())
            {
                ulong value = hash();
                if (!classes.TryGetValue(value, out var members)) classOrder.Add(classes[value] = members = []);
                members.Add(rows++);
            }
        }
        var mask = new bool[rows];
        for (int c = 0; c < classOrder.Count; c++)
        {
            var members = classOrder[c].ToArray();
            SeededRandom.ForStream(seed, c).Shuffle(members);
            int testRows = (int)Math.Round(members.Length * testFraction, MidpointRounding.AwayFromZero);
            for (int i = 0; i < testRows; i++) mask[members[i]] = true;
        }
        return mask;
    }

    private static int CountRows(IDataView data)
    {
        if (data.GetRowCount() is long known && known <= int.MaxValue) return (int)known;
        using var cursor = data.GetRowCursor([]);
        int rows = 0;
        while (cursor.MoveNext()) rows = checked(rows + 1);
        return rows;
    }
}
