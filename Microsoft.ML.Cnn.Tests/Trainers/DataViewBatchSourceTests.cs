// The streaming batch source over a data view: every row once per pass, shuffled by the view or through the pool,
// split sides that are complementary and stable, row counts, and the empty-data error.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Trainers;

[TestClass]
public sealed class DataViewBatchSourceTests
{
    /// <summary>A source over <paramref name="view"/>'s Features and (Single) Label columns.</summary>
    internal static DataViewBatchSource Source(IDataView view, bool shuffle = true, RowSplit? split = null, int pool = 8, List<string>? log = null)
    {
        var schema = view.Schema;
        return new DataViewBatchSource(new DataViewSourceSettings(view, "training rows", schema["Features"], new Shape(1, 8, 8), schema["Label"], new Shape(1),
            LabelReaders.Single(schema["Label"]), null, null, split, shuffle, pool, Seed: 5, (kind, message) => log?.Add($"{kind}: {message}")));
    }

    /// <summary>Rows whose label is their index (NaN for the indices in <paramref name="missing"/>) and whose pixels all equal it.</summary>
    internal static IDataView IndexedRows(MLContext ml, int count, params int[] missing) => ml.Data.LoadFromEnumerable(
        Enumerable.Range(0, count).Select(i => new RegressionQuadrantRow { Label = missing.Contains(i) ? float.NaN : i, Features = Enumerable.Repeat((float)i, 64).ToArray() }).ToArray());

    /// <summary>The labels of one pass, read in batches of <paramref name="batch"/>; checks each sample's features match its label.</summary>
    internal static float[] Pass(IBatchSource source, int epoch, int batch = 5)
    {
        var features = new float[batch * 64];
        var labels = new float[batch];
        var seen = new List<float>();
        using var reader = source.Open(epoch);
        for (int n; (n = reader.Read(features, labels, [])) > 0;)
        {
            for (int i = 0; i < n; i++) Assert.AreEqual(labels[i], features[i * 64 + 63], "features travel with their label");
            seen.AddRange(labels.Take(n));
        }
        return [.. seen];
    }

    [TestMethod]
    public void Open_ViewThatCannotShuffle_PoolShufflesEveryRowOncePerPassDifferentlyEachEpoch()
    {
        var source = Source(IndexedRows(new MLContext(1), 40));

        var first = Pass(source, 0);
        var second = Pass(source, 1);
        var firstAgain = Pass(source, 0);

        CollectionAssert.AreEquivalent(Enumerable.Range(0, 40).Select(i => (float)i).ToArray(), first);
        CollectionAssert.AreNotEqual(first, second);
        CollectionAssert.AreEqual(first, firstAgain, "a pass's order depends only on the seed and the epoch");
        Assert.IsNotNull(source.Pool);
    }

    [TestMethod]
    public void Open_ViewThatCanShuffle_UsesItsShuffleWithoutAPool()
    {
        var ml = new MLContext(1);
        var view = new CountingDataView(ml.Data.Cache(IndexedRows(ml, 30)), "Features");
        var source = Source(view);

        var order = Pass(source, 0);

        Assert.IsNull(source.Pool);
        Assert.IsTrue(view.Cursors.Single().Shuffled);
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 30).Select(i => (float)i).ToArray(), order);
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 30).Select(i => (float)i).ToArray(), order);
    }

    [TestMethod]
    public void Open_NoShuffle_ReadsInOrder()
    {
        var order = Pass(Source(IndexedRows(new MLContext(1), 12), shuffle: false), 0);

        CollectionAssert.AreEqual(Enumerable.Range(0, 12).Select(i => (float)i).ToArray(), order);
    }

    [TestMethod]
    public void Open_SplitSides_AreComplementaryAndTheSameEveryEpoch()
    {
        var ml = new MLContext(1);
        var split = new RowSplit(0.25, Seed: 3, Validation: false);
        var train = Source(IndexedRows(ml, 200), split: split);
        var validation = Source(IndexedRows(ml, 200), shuffle: false, split: split.Other);

        var trainRows = Pass(train, 0);
        var validationRows = Pass(validation, 0);

        CollectionAssert.AreEquivalent(trainRows, Pass(train, 1));
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 200).Select(i => (float)i).ToArray(), trainRows.Concat(validationRows).ToArray());
        Assert.IsTrue(validationRows.Length is > 30 and < 70, $"{validationRows.Length} of 200 held out for a fraction of 0.25");
    }

    [TestMethod]
    public void Count_BeforeAndAfterTheFirstPass_IsTheRowCountThenTheRowsUsed()
    {
        var log = new List<string>();
        var source = Source(IndexedRows(new MLContext(1), 20, missing: [3, 7]), log: log);

        long? before = source.Count;
        Pass(source, 0);
        Pass(source, 1);

        Assert.AreEqual(20L, before);
        Assert.AreEqual(18L, source.Count);
        CollectionAssert.AreEqual(new[] { "Warning: Training rows: 18 of 20 rows used, 2 skipped for a missing label in 'Label'." }, log, "logged once");
    }

    [TestMethod]
    public void Read_EveryLabelMissing_FailsSayingWhy()
    {
        var source = Source(IndexedRows(new MLContext(1), 4, missing: [0, 1, 2, 3]));

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Pass(source, 0));

        Assert.AreEqual("There are no training rows: 0 of 4 rows used, 4 skipped for a missing label in 'Label'.", error.Message);
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void Read_SteadyState_DoesNotAllocate(bool shuffle)
    {
        var source = Source(IndexedRows(new MLContext(1), 400), shuffle, pool: 16);
        var features = new float[8 * 64];
        var labels = new float[8];
        var allocated = new long[30];

        using var reader = source.Open(0);
        for (int batch = 0; batch < allocated.Length; batch++)
        {
            Assert.AreEqual(8, reader.Read(features, labels, []));
            allocated[batch] = GC.GetAllocatedBytesForCurrentThread();
        }

        Assert.AreEqual(0L, allocated[^1] - allocated[5], "bytes allocated reading 24 batches after warm-up");
    }
}
