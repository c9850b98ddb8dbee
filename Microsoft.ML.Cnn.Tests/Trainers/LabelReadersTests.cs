// Label conversions: keys to class indices, booleans and signed singles to 0/1 targets, missing values to NaN.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests.Trainers;

[TestClass]
public sealed class LabelReadersTests
{
    private static float[] Read<T>(DataViewType type, Func<DataViewSchema.Column, LabelReaderFactory> factory, params T[] values)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Label", type);
        var view = new SingleColumnView<T>(builder.ToSchema(), values);
        using var cursor = view.GetRowCursor(view.Schema);
        var read = factory(view.Schema["Label"])(cursor);
        var labels = new List<float>();
        while (cursor.MoveNext()) labels.Add(read());
        return [.. labels];
    }

    [TestMethod]
    public void Key_UInt32AndByteKeys_AreZeroBasedClassesAndZeroIsMissing()
    {
        CollectionAssert.AreEqual(new[] { 0f, 2f, float.NaN }, Read<uint>(new KeyDataViewType(3), LabelReaders.Key, 1u, 3u, 0u));
        CollectionAssert.AreEqual(new[] { 1f, float.NaN }, Read<byte>(new KeyDataViewType(typeof(byte), 2), LabelReaders.Key, (byte)2, (byte)0));
    }

    [TestMethod]
    public void Boolean_TrueAndFalse_AreOneAndZero()
    {
        CollectionAssert.AreEqual(new[] { 1f, 0f }, Read(BooleanDataViewType.Instance, LabelReaders.Boolean, true, false));
    }

    [TestMethod]
    public void PositiveSingle_AboveZero_IsPositiveAndNaNIsMissing()
    {
        CollectionAssert.AreEqual(new[] { 1f, 0f, 0f, float.NaN }, Read(NumberDataViewType.Single, LabelReaders.PositiveSingle, 0.5f, 0f, -2f, float.NaN));
    }

    [TestMethod]
    public void Single_FiniteValues_PassAndNonFiniteAreMissing()
    {
        CollectionAssert.AreEqual(new[] { -1.5f, float.NaN, float.NaN }, Read(NumberDataViewType.Single, LabelReaders.Single, -1.5f, float.PositiveInfinity, float.NaN));
    }
}
