// NormalizeImageChannels: given ImageNet-style constants, statistics learned per channel (planar and interleaved)
// against hand computation, and the errors for mismatched or missing arguments and non-image columns.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Transforms.Normalizers;

[TestClass]
public sealed class ImageChannelNormalizingEstimatorTests
{
    [TestMethod]
    public void Workout_GivenConstants_PerChannelStandardization()
    {
        var context = new MLContext(1);
        var data = NormalizerRows.Images(context);
        var output = EstimatorWorkout.Run(context.Transforms.NormalizeImageChannels("N", "Planar", mean: [1, 10], std: [2, 5]), data,
            invalidInput: NormalizerRows.Slots(context));
        Assert.AreEqual(data.Schema["Planar"].Type, output.Schema["N"].Type);
        CollectionAssert.AreEqual(new float[] { 0, 1, 0, 2 }, TransformRows.VectorColumn<float>(output, "N")[0]);
    }

    [TestMethod]
    public void Fit_LearnedPlanar_PopulationMeanAndStdPerChannel()
    {
        var context = new MLContext(1);
        var transformer = context.Transforms.NormalizeImageChannels("N", "Planar").Fit(NormalizerRows.Images(context));
        CollectionAssert.AreEqual(new float[] { 4, 25 }, transformer.Mean.ToArray());
        CollectionAssert.AreEqual(new[] { MathF.Sqrt(5), MathF.Sqrt(125) }, transformer.StandardDeviation.ToArray());
    }

    [TestMethod]
    public void Transform_LearnedInterleaved_SameAsPlanarRearranged()
    {
        var context = new MLContext(1);
        var data = NormalizerRows.Images(context);
        var planar = TransformRows.VectorColumn<float>(context.Transforms.NormalizeImageChannels("N", "Planar").Fit(data).Transform(data), "N");
        var interleaved = TransformRows.VectorColumn<float>(
            context.Transforms.NormalizeImageChannels("N", "Interleaved", interleavePixelColors: true).Fit(data).Transform(data), "N");
        for (int row = 0; row < 2; row++)
            CollectionAssert.AreEqual(new[] { planar[row][0], planar[row][2], planar[row][1], planar[row][3] }, interleaved[row]);
        Assert.AreEqual((1 - 4) / MathF.Sqrt(5), planar[0][0]);
    }

    [TestMethod]
    public void Fit_ConstantsForOtherChannelCount_SaysHowManyChannels()
    {
        var context = new MLContext(1);
        var estimator = context.Transforms.NormalizeImageChannels("N", "Planar", mean: [0.485f, 0.456f, 0.406f], std: [0.229f, 0.224f, 0.225f]);
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(NormalizerRows.Images(context)));
        StringAssert.Contains(e.Message, "has 2 channels");
        StringAssert.Contains(e.Message, "3 means and stds");
    }

    [TestMethod]
    public void Fit_NotThreeDimensional_NamesColumn()
    {
        var context = new MLContext(1);
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Transforms.NormalizeImageChannels("N", "X").Fit(NormalizerRows.Slots(context)));
        StringAssert.Contains(e.Message, "'X': expected a known-size vector of Single with dimensions (C, H, W) or (H, W, C)");
    }

    [TestMethod]
    public void Constructor_OnlyMeanOrBadStd_Throws()
    {
        var transforms = new MLContext(1).Transforms;
        var only = Assert.ThrowsExactly<ArgumentException>(() => transforms.NormalizeImageChannels("N", mean: [0.5f]));
        StringAssert.Contains(only.Message, "Give both mean and std");
        Assert.ThrowsExactly<ArgumentException>(() => transforms.NormalizeImageChannels("N", mean: [0.5f], std: [0f]));
        Assert.ThrowsExactly<ArgumentException>(() => transforms.NormalizeImageChannels("N", mean: [0.5f, 1], std: [1f]));
    }

    [TestMethod]
    public void Transform_ConstantLearnedChannel_MapsToZero()
    {
        var context = new MLContext(1);
        var data = context.Data.LoadFromEnumerable(new[] { new ImageRow { Planar = [2, 2, 1, 3], Interleaved = [0, 0, 0, 0] } });
        var output = context.Transforms.NormalizeImageChannels("N", "Planar").Fit(data).Transform(data);
        CollectionAssert.AreEqual(new float[] { 0, 0, -1, 1 }, TransformRows.VectorColumn<float>(output, "N")[0]);
    }
}
