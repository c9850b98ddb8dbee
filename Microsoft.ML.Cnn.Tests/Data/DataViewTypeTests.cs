// Column types: raw types, equality, key and vector validation.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class DataViewTypeTests
{
    public static IEnumerable<object[]> RawTypes =>
    [
        [NumberDataViewType.Single, typeof(float)],
        [NumberDataViewType.Double, typeof(double)],
        [NumberDataViewType.Int32, typeof(int)],
        [NumberDataViewType.UInt32, typeof(uint)],
        [NumberDataViewType.Byte, typeof(byte)],
        [BooleanDataViewType.Instance, typeof(bool)],
        [TextDataViewType.Instance, typeof(ReadOnlyMemory<char>)],
        [new KeyDataViewType(10), typeof(uint)],
        [new VectorDataViewType(NumberDataViewType.Single, 3), typeof(VBuffer<float>)],
        [new VectorDataViewType(TextDataViewType.Instance), typeof(VBuffer<ReadOnlyMemory<char>>)],
    ];

    [TestMethod]
    [DynamicData(nameof(RawTypes))]
    public void RawType_EachType_IsTheGetterValueType(DataViewType type, Type expected) => Assert.AreEqual(expected, type.RawType);

    [TestMethod]
    public void Equals_NumberTypes_ComparedByIdentity()
    {
        Assert.AreEqual(NumberDataViewType.Single, NumberDataViewType.Single);
        Assert.AreNotEqual<DataViewType>(NumberDataViewType.Single, NumberDataViewType.Double);
    }

    [TestMethod]
    public void ToString_Number_NamesTheType() => Assert.AreEqual("Single", NumberDataViewType.Single.ToString());
}
