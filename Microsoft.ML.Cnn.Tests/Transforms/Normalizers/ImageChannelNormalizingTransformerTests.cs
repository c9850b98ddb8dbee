// The per-channel normalizer: learned channel statistics save and load bit for bit; inputs of another type fail.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms.Normalizers;

namespace Microsoft.ML.Cnn.Tests.Transforms.Normalizers;

[TestClass]
public sealed class ImageChannelNormalizingTransformerTests
{
    [TestMethod]
    public void SaveLoad_LearnedStatistics_RoundTripExactly()
    {
        var context = new MLContext(1);
        var data = NormalizerRows.Images(context);
        var original = context.Transforms.NormalizeImageChannels("N", "Interleaved", interleavePixelColors: true).Fit(data);
        var loaded = (ImageChannelNormalizingTransformer)ImageRows.SaveAndLoad(original, data.Schema);
        CollectionAssert.AreEqual(original.Mean.ToArray(), loaded.Mean.ToArray());
        CollectionAssert.AreEqual(original.StandardDeviation.ToArray(), loaded.StandardDeviation.ToArray());
        Assert.IsTrue(loaded.InterleavePixelColors);
        CollectionAssert.AreEqual(TransformRows.VectorColumn<float>(original.Transform(data), "N")[1], TransformRows.VectorColumn<float>(loaded.Transform(data), "N")[1]);
    }

    [TestMethod]
    public void Transform_OtherDimensions_NamesTheTypeItWasMadeFor()
    {
        var context = new MLContext(1);
        var data = NormalizerRows.Images(context);
        var transformer = context.Transforms.NormalizeImageChannels("N", "Planar", mean: [0, 0], std: [1, 1]).Fit(data);
        var swapped = context.Transforms.CopyColumns("Planar", "Interleaved").Fit(data).Transform(data);
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transformer.Transform(swapped));
        StringAssert.Contains(e.Message, "Vector<Single, 2, 1, 2> (the type it was made for)");
    }
}
