// Dense vector values: length, values, copies.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class VBufferTests
{
    [TestMethod]
    public void GetValues_PrefixLength_ReturnsThatPrefix()
    {
        var buffer = new VBuffer<float>(2, [1f, 2f, 3f]);
        Assert.AreEqual(2, buffer.Length);
        Assert.IsTrue(buffer.IsDense);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, buffer.GetValues().ToArray());
        CollectionAssert.AreEqual(new[] { 1f, 2f }, buffer.DenseValues().ToArray());
    }

    [TestMethod]
    public void CopyTo_LargeEnoughDestination_ReusesItsArray()
    {
        var backing = new float[4];
        var destination = new VBuffer<float>(backing);
        new VBuffer<float>([5f, 6f]).CopyTo(ref destination);
        CollectionAssert.AreEqual(new[] { 5f, 6f }, destination.ToArray());
        Assert.AreEqual(5f, backing[0]);
    }

    [TestMethod]
    public void CopyTo_DefaultDestination_AllocatesACopy()
    {
        var source = new float[] { 1f, 2f };
        VBuffer<float> destination = default;
        new VBuffer<float>(source).CopyTo(ref destination);
        source[0] = 9f;
        Assert.AreEqual(1f, destination.GetItemOrDefault(0));
    }

    [TestMethod]
    public void Constructor_LengthBeyondValues_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new VBuffer<int>(3, [1, 2]));

    [TestMethod]
    public void GetValues_Default_IsEmpty() => Assert.AreEqual(0, default(VBuffer<int>).GetValues().Length);
}
