// SingleRowFeed: hands out the example once per Set, reports a cursor that asked for more, and restarts for a new one.
using Microsoft.ML.Cnn.Prediction;

namespace Microsoft.ML.Cnn.Tests.Prediction;

[TestClass]
public sealed class SingleRowFeedTests
{
    [TestMethod]
    public void MoveNext_OncePerSet_ThenEnded()
    {
        var feed = new SingleRowFeed<string>();
        using var rows = feed.GetEnumerator();
        feed.Set("a");
        Assert.IsTrue(rows.MoveNext());
        Assert.AreEqual("a", rows.Current);
        Assert.IsFalse(feed.Ended);
        feed.Set("b");
        Assert.IsTrue(rows.MoveNext());
        Assert.AreEqual("b", rows.Current);
        Assert.IsFalse(rows.MoveNext());
        Assert.IsTrue(feed.Ended);
        feed.Restart();
        Assert.IsFalse(feed.Ended);
    }

    [TestMethod]
    public void Reset_NotSupported()
    {
        using var rows = new SingleRowFeed<string>().GetEnumerator();
        Assert.ThrowsExactly<NotSupportedException>(rows.Reset);
    }
}
