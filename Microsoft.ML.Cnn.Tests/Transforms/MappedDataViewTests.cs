// MappedDataView: row counts and shuffling pass through from the source; mapped columns follow a shuffled order.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Transforms;

[TestClass]
public sealed class MappedDataViewTests
{
    [TestMethod]
    public void GetRowCount_Source_PassesThrough()
    {
        var context = new MLContext(1);
        var data = TransformRows.Fruit(context, TransformRows.Fruits);
        var output = context.Transforms.CopyColumns("W", "Weight").Fit(data).Transform(data);
        Assert.AreEqual(5L, output.GetRowCount());
        Assert.IsFalse(output.CanShuffle);
    }

    [TestMethod]
    public void GetRowCursor_ShuffledCache_MappedColumnFollowsRows()
    {
        var context = new MLContext(1);
        var data = context.Data.Cache(TransformRows.Fruit(context, TransformRows.Fruits));
        var output = context.Transforms.CopyColumns("W", "Weight").Fit(data).Transform(data);
        Assert.IsTrue(output.CanShuffle);
        using var cursor = output.GetRowCursor([output.Schema["W"], output.Schema["Weight"]], new SeededRandom(3));
        var copy = cursor.GetGetter<float>(output.Schema["W"]);
        var original = cursor.GetGetter<float>(output.Schema["Weight"]);
        var order = new List<float>();
        float a = 0, b = 0;
        while (cursor.MoveNext())
        {
            copy(ref a);
            original(ref b);
            Assert.AreEqual(b, a);
            order.Add(a);
        }
        CollectionAssert.AreEquivalent(new float[] { 0, 1, 2, 3, 4 }, order);
    }
}
