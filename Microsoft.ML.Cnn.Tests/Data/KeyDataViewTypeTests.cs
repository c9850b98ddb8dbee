// Key types: raw type, count, equality and validation.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class KeyDataViewTypeTests
{
    [TestMethod]
    public void Constructor_Default_IsUInt32WithCount()
    {
        var key = new KeyDataViewType(typeof(uint), 10);
        Assert.AreEqual(typeof(uint), key.RawType);
        Assert.AreEqual(10UL, key.Count);
    }

    [TestMethod]
    public void Equals_SameRawTypeAndCount_AreEqual()
    {
        Assert.AreEqual(new KeyDataViewType(5), new KeyDataViewType(typeof(uint), 5));
        Assert.AreNotEqual(new KeyDataViewType(5), new KeyDataViewType(6));
        Assert.AreNotEqual(new KeyDataViewType(typeof(byte), 5), new KeyDataViewType(5));
    }

    [TestMethod]
    public void Constructor_ZeroCount_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new KeyDataViewType(0));

    [TestMethod]
    public void Constructor_FloatRawType_ThrowsNamingAllowedTypes()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new KeyDataViewType(typeof(float), 3));
        StringAssert.Contains(error.Message, "UInt32");
    }

    [TestMethod]
    public void Constructor_CountBeyondByte_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new KeyDataViewType(typeof(byte), 300));
}
