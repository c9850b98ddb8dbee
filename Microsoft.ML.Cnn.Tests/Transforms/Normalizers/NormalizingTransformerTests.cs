// The fitted normalizer: refuses inputs of another type than it was fitted on, and saves and loads its statistics
// bit for bit.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms.Normalizers;

namespace Microsoft.ML.Cnn.Tests.Transforms.Normalizers;

[TestClass]
public sealed class NormalizingTransformerTests
{
    [TestMethod]
    public void Transform_InputOfOtherType_NamesFittedType()
    {
        var context = new MLContext(1);
        var transformer = context.Transforms.NormalizeMinMax("N", "X").Fit(NormalizerRows.Slots(context));
        var other = context.Data.LoadFromEnumerable(new[] { new ImageRow { Planar = [1, 2, 3, 4], Interleaved = [1, 2, 3, 4] } });
        var renamed = context.Transforms.CopyColumns("X", "Planar").Fit(other).Transform(other);
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transformer.Transform(renamed));
        StringAssert.Contains(e.Message, "Vector<Single, 3> (the type it was fitted on)");
    }

    [TestMethod]
    [DataRow(false, false)]
    [DataRow(true, false)]
    [DataRow(false, true)]
    public void SaveLoad_FittedStatistics_RoundTripExactly(bool fixZero, bool useCdf)
    {
        var context = new MLContext(1);
        var data = NormalizerRows.Slots(context);
        var original = context.Transforms.NormalizeMeanVariance("N", "X", fixZero: fixZero, useCdf: useCdf).Fit(data);
        var loaded = (NormalizingTransformer)ImageRows.SaveAndLoad(original, data.Schema);
        Assert.AreEqual(original.ModelParameters.GetType(), loaded.ModelParameters.GetType());
        var expected = TransformRows.VectorColumn<float>(original.Transform(data), "N").SelectMany(v => v).ToArray();
        var actual = TransformRows.VectorColumn<float>(loaded.Transform(data), "N").SelectMany(v => v).ToArray();
        CollectionAssert.AreEqual(expected.Select(BitConverter.SingleToInt32Bits).ToArray(), actual.Select(BitConverter.SingleToInt32Bits).ToArray());
    }

    [TestMethod]
    public void SaveLoad_ScalarMinMax_SameParameters()
    {
        var context = new MLContext(1);
        var data = NormalizerRows.Slots(context);
        var original = (AffineNormalizerModelParameters)context.Transforms.NormalizeMinMax("S", fixZero: false).Fit(data).ModelParameters;
        var loaded = (AffineNormalizerModelParameters)((NormalizingTransformer)ImageRows.SaveAndLoad(
            context.Transforms.NormalizeMinMax("S", fixZero: false).Fit(data), data.Schema)).ModelParameters;
        CollectionAssert.AreEqual(original.Scale.ToArray(), loaded.Scale.ToArray());
        CollectionAssert.AreEqual(original.Offset.ToArray(), loaded.Offset.ToArray());
    }
}
