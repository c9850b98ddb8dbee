// The MapKeyToValue transformer on its own: byte-backed keys, out-of-range keys, Transform-time validation.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms.Conversion;

namespace Microsoft.ML.Cnn.Tests.Transforms.Conversion;

[TestClass]
public sealed class KeyToValueMappingTransformerTests
{
    private static IDataView ByteKeys(params byte[] keys)
    {
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.AddKeyValues(2, NumberDataViewType.Int32, (ref VBuffer<int> v) => v = new VBuffer<int>([10, 20]));
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("K", new KeyDataViewType(typeof(byte), 2), annotations.ToAnnotations());
        return new SingleColumnView<byte>(builder.ToSchema(), keys);
    }

    [TestMethod]
    public void Transform_ByteKeysAndOutOfRange_MapsToValuesOrDefault()
    {
        var output = new KeyToValueMappingTransformer("V", "K").Transform(ByteKeys(2, 0, 1, 3));
        Assert.AreEqual(NumberDataViewType.Int32, output.Schema["V"].Type);
        CollectionAssert.AreEqual(new[] { 20, 0, 10, 0 }, TransformRows.Column<int>(output, "V"));
    }

    [TestMethod]
    public void Transform_MissingColumn_FailsListingAvailable()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new KeyToValueMappingTransformer("V", "Nope").Transform(ByteKeys(1)));
        StringAssert.Contains(error.Message, "Input column 'Nope' not found. Available columns: 'K' (Key<Byte, 0-1>)");
    }

    [TestMethod]
    public void Constructor_DefaultInput_IsOutputName()
    {
        var transformer = new KeyToValueMappingTransformer("Label");
        Assert.AreEqual("Label", transformer.InputColumnName);
    }
}
