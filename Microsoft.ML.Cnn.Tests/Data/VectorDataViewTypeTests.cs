// Vector types: dimensions, size, equality and validation.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class VectorDataViewTypeTests
{
    [TestMethod]
    public void Constructor_Dimensions_SizeIsTheirProduct()
    {
        var type = new VectorDataViewType(NumberDataViewType.Single, 3, 28, 28);
        Assert.AreEqual(3 * 28 * 28, type.Size);
        Assert.IsTrue(type.IsKnownSize);
        CollectionAssert.AreEqual(new[] { 3, 28, 28 }, type.Dimensions.ToArray());
        Assert.AreEqual(NumberDataViewType.Single, type.ItemType);
    }

    [TestMethod]
    public void Constructor_NoDimensions_IsVariableSize()
    {
        var type = new VectorDataViewType(NumberDataViewType.Double);
        Assert.AreEqual(0, type.Size);
        Assert.IsFalse(type.IsKnownSize);
        CollectionAssert.AreEqual(new[] { 0 }, type.Dimensions.ToArray());
    }

    [TestMethod]
    public void Equals_SameItemAndDimensions_AreEqual()
    {
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 2, 3), new VectorDataViewType(NumberDataViewType.Single, 2, 3));
        Assert.AreNotEqual(new VectorDataViewType(NumberDataViewType.Single, 2, 3), new VectorDataViewType(NumberDataViewType.Single, 3, 2));
        Assert.AreNotEqual(new VectorDataViewType(NumberDataViewType.Single, 6), new VectorDataViewType(NumberDataViewType.Double, 6));
    }

    [TestMethod]
    public void Constructor_NegativeDimension_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new VectorDataViewType(NumberDataViewType.Single, 2, -1));

    [TestMethod]
    public void Constructor_KeyItems_ReadAsVBufferOfUInt32() =>
        Assert.AreEqual(typeof(VBuffer<uint>), new VectorDataViewType(new KeyDataViewType(4), 2).RawType);
}
