using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Layers;

[TestClass]
public sealed class PaddingTests
{
    [TestMethod]
    [DataRow(28, 3, 1, 1, 1, 1)]
    [DataRow(28, 2, 2, 1, 0, 0)]
    [DataRow(7, 2, 2, 1, 0, 1)]
    [DataRow(8, 3, 2, 1, 0, 1)]
    [DataRow(9, 3, 2, 1, 1, 1)]
    [DataRow(9, 3, 1, 2, 2, 2)]
    [DataRow(10, 4, 1, 1, 1, 2)]
    public void Resolve_Same_FollowsTensorFlowRule(int n, int kernel, int stride, int dilation, int before, int after)
    {
        var p = Padding.Same.Resolve(n, n, kernel, kernel, stride, stride, dilation, dilation);
        Assert.AreEqual(new Padding2D(before, after, before, after), p);
    }

    [TestMethod]
    public void Resolve_ValidAndExplicit_IgnoreInputSize()
    {
        Assert.AreEqual(Padding2D.None, Padding.Valid.Resolve(9, 9, 3, 3, 2, 2));
        Assert.AreEqual(new Padding2D(1, 2, 3, 4), Padding.Explicit(1, 2, 3, 4).Resolve(9, 9, 3, 3, 2, 2));
        Assert.AreEqual(new Padding2D(2, 2, 2, 2), Padding.Explicit(2).Resolve(28, 28, 5, 5, 1, 1));
    }

    [TestMethod]
    public void Explicit_Negative_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Padding.Explicit(-1));
    }

    [TestMethod]
    public void Equality_SameAmounts_Equal()
    {
        Assert.AreEqual(Padding.Explicit(1, 1, 1, 1), Padding.Explicit(1));
        Assert.AreNotEqual(Padding.Same, Padding.Valid);
    }
}
