// mlContext.Data sampling: cache, shuffle and train/test split fractions, determinism, grouping and stratification.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

public sealed partial class DataOperationsCatalogTests
{
    private static PointRow[] Points(int count, int groups) =>
        Enumerable.Range(0, count).Select(i => new PointRow { X = i, Group = $"g{i % groups}" }).ToArray();

    private static float[] Xs(DataOperationsCatalog data, IDataView view) => data.CreateEnumerable<PointRow>(view).Select(p => p.X).ToArray();

    [TestMethod]
    [DataRow(0.1, 100, 10)]
    [DataRow(0.25, 10, 3)]
    [DataRow(0.5, 7, 4)]
    public void TrainTestSplit_Random_TestHasRoundedFractionAndPartsAreDisjoint(double fraction, int rows, int expectedTest)
    {
        var data = new MLContext(1).Data;
        var split = data.TrainTestSplit(data.LoadFromEnumerable(Points(rows, 1)), fraction, seed: 3);
        var (train, test) = (Xs(data, split.TrainSet), Xs(data, split.TestSet));
        Assert.HasCount(expectedTest, test);
        Assert.HasCount(rows - expectedTest, train);
        CollectionAssert.AreEquivalent(Enumerable.Range(0, rows).Select(i => (float)i).ToArray(), train.Concat(test).ToArray());
    }

    [TestMethod]
    public void TrainTestSplit_SameSeed_SameSplit_OtherSeed_Differs()
    {
        var data = new MLContext(1).Data;
        var view = data.LoadFromEnumerable(Points(50, 1));
        CollectionAssert.AreEqual(Xs(data, data.TrainTestSplit(view, 0.2, seed: 5).TestSet), Xs(data, data.TrainTestSplit(view, 0.2, seed: 5).TestSet));
        CollectionAssert.AreNotEqual(Xs(data, data.TrainTestSplit(view, 0.2, seed: 5).TestSet), Xs(data, data.TrainTestSplit(view, 0.2, seed: 6).TestSet));
    }

    [TestMethod]
    public void TrainTestSplit_NoSeed_DrawsFromTheContextSeed()
    {
        float[] TestOf(int contextSeed)
        {
            var data = new MLContext(contextSeed).Data;
            return Xs(data, data.TrainTestSplit(data.LoadFromEnumerable(Points(40, 1)), 0.25).TestSet);
        }
        CollectionAssert.AreEqual(TestOf(9), TestOf(9));
    }

    [TestMethod]
    public void TrainTestSplit_SamplingKey_KeepsEachGroupOnOneSide()
    {
        var data = new MLContext(1).Data;
        var split = data.TrainTestSplit(data.LoadFromEnumerable(Points(200, 20)), 0.3, samplingKeyColumnName: "Group", seed: 2);
        var trainGroups = data.CreateEnumerable<PointRow>(split.TrainSet).Select(p => p.Group).ToHashSet();
        var testGroups = data.CreateEnumerable<PointRow>(split.TestSet).Select(p => p.Group).ToHashSet();
        Assert.IsFalse(trainGroups.Overlaps(testGroups));
        Assert.AreEqual(20, trainGroups.Count + testGroups.Count);
        Assert.IsNotEmpty(testGroups);
        Assert.IsNotEmpty(trainGroups);
    }

    [TestMethod]
    public void TrainTestSplit_Stratified_SplitsEachClassProportionally()
    {
        var data = new MLContext(1).Data;
        // Class g0 has 80 rows, g1 20 (X < 80 → g0).
        var rows = Enumerable.Range(0, 100).Select(i => new PointRow { X = i, Group = i < 80 ? "g0" : "g1" }).ToArray();
        var split = data.TrainTestSplit(data.LoadFromEnumerable(rows), 0.25, seed: 4, stratificationColumnName: "Group");
        var test = data.CreateEnumerable<PointRow>(split.TestSet).ToArray();
        Assert.AreEqual(20, test.Count(p => p.Group == "g0"));
        Assert.AreEqual(5, test.Count(p => p.Group == "g1"));
        Assert.HasCount(75, Xs(data, split.TrainSet));
    }

    [TestMethod]
    [DataRow(0.0)]
    [DataRow(1.0)]
    [DataRow(double.NaN)]
    public void TrainTestSplit_FractionOutsideOpenUnitInterval_Throws(double fraction)
    {
        var data = new MLContext(1).Data;
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => data.TrainTestSplit(data.LoadFromEnumerable(Points(4, 1)), fraction));
    }

    [TestMethod]
    public void TrainTestSplit_UnknownSamplingColumn_ThrowsListingColumns()
    {
        var data = new MLContext(1).Data;
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            data.TrainTestSplit(data.LoadFromEnumerable(Points(4, 1)), samplingKeyColumnName: "Id"));
        StringAssert.Contains(error.Message, "'Id'");
        StringAssert.Contains(error.Message, "'Group'");
    }

    [TestMethod]
    public void TrainTestSplit_VectorStratificationColumn_Throws()
    {
        var data = new MLContext(1).Data;
        var view = data.LoadFromEnumerable(new[] { AllTypesRow.Make(1) });
        Assert.ThrowsExactly<ArgumentException>(() => data.TrainTestSplit(view, stratificationColumnName: "Image"));
    }

    [TestMethod]
    public void TrainTestSplit_SamplingKeyAndStratification_Throws()
    {
        var data = new MLContext(1).Data;
        Assert.ThrowsExactly<ArgumentException>(() =>
            data.TrainTestSplit(data.LoadFromEnumerable(Points(4, 1)), samplingKeyColumnName: "Group", stratificationColumnName: "Group"));
    }

    [TestMethod]
    public void ShuffleRows_SameSeed_SamePermutationOnEveryCursor()
    {
        var data = new MLContext(1).Data;
        var view = data.LoadFromEnumerable(Points(30, 1));
        var shuffled = data.ShuffleRows(view, seed: 11);
        var first = Xs(data, shuffled);
        CollectionAssert.AreEqual(first, Xs(data, shuffled));
        CollectionAssert.AreEqual(first, Xs(data, data.ShuffleRows(view, seed: 11)));
        CollectionAssert.AreNotEqual(first, Xs(data, data.ShuffleRows(view, seed: 12)));
        CollectionAssert.AreNotEqual(Xs(data, view), first);
        CollectionAssert.AreEquivalent(Xs(data, view), first);
    }

    [TestMethod]
    public void Cache_TwoCursors_ReadTheSourceOnce()
    {
        var data = new MLContext(1).Data;
        int enumerations = 0;
        IEnumerable<AllTypesRow> Source()
        {
            enumerations++;
            for (int i = 0; i < 3; i++) yield return AllTypesRow.Make(i);
        }
        var cached = data.Cache(data.LoadFromEnumerable(Source()));
        Assert.AreEqual(0, enumerations);
        var first = data.CreateEnumerable<AllTypesRow>(cached).ToArray();
        var second = data.CreateEnumerable<AllTypesRow>(cached).ToArray();
        Assert.AreEqual(1, enumerations);
        Assert.AreEqual(3L, cached.GetRowCount());
        CollectionAssert.AreEqual(first.Select(r => r.Text).ToArray(), second.Select(r => r.Text).ToArray());
        CollectionAssert.AreEqual(first[2].Image, second[2].Image);
        CollectionAssert.AreEqual(first[2].Words, second[2].Words);
    }

    [TestMethod]
    public void Cache_ConsumerWritesIntoVectorBuffer_CacheUnchanged()
    {
        var data = new MLContext(1).Data;
        var cached = data.Cache(data.LoadFromEnumerable(new[] { AllTypesRow.Make(1) }));
        var column = cached.Schema["Image"];
        for (int pass = 0; pass < 2; pass++)
        {
            using var cursor = cached.GetRowCursor([column]);
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            cursor.MoveNext();
            var mine = new float[6];
            var value = new VBuffer<float>(mine);
            getter(ref value);
            Assert.AreEqual(1f, value.GetItemOrDefault(0));
            mine[0] = 99f; // the getter filled the caller's array; writing it must not reach the cache
        }
    }
}
