// MappedColumn: a getter factory must read the column type's raw type.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Transforms;

namespace Microsoft.ML.Cnn.Tests.Transforms;

[TestClass]
public sealed class MappedColumnTests
{
    [TestMethod]
    public void Create_GetterOfWrongRawType_Throws()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            MappedColumn.Create<int>("Out", NumberDataViewType.Single, null, [], _ => (ref int v) => v = 1));
        StringAssert.Contains(error.Message, "'Out' of type Single is read as Single, but its getter reads Int32");
    }

    [TestMethod]
    public void Create_NoAnnotations_UsesEmpty()
    {
        var column = MappedColumn.Create<float>("Out", NumberDataViewType.Single, null, [], _ => (ref float v) => v = 1);
        Assert.AreSame(DataViewSchema.Annotations.Empty, column.Annotations);
        Assert.AreEqual("Out", column.Name);
    }
}
