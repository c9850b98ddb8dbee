// NormalizeMinMax / NormalizeMeanVariance: statistics against hand computation for every flag, NaN and constant
// slots, the row limit, scalar columns, and schema propagation and rejection.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Transforms.Normalizers;

namespace Microsoft.ML.Cnn.Tests.Transforms.Normalizers;

[TestClass]
public sealed class NormalizingEstimatorTests
{
    private static AffineNormalizerModelParameters Affine(NormalizingEstimator estimator, IDataView data) =>
        (AffineNormalizerModelParameters)estimator.Fit(data).ModelParameters;

    [TestMethod]
    public void Workout_VectorAndScalar_KeepTypeAndAnnotations()
    {
        var context = new MLContext(1);
        var data = NormalizerRows.Slots(context);
        var invalid = context.Data.LoadFromEnumerable(new[] { new SlotRow() });
        var output = EstimatorWorkout.Run(context.Transforms.NormalizeMinMax("XN", "X"), data, invalidInput: null);
        Assert.AreEqual(data.Schema["X"].Type, output.Schema["XN"].Type);
        EstimatorWorkout.Run(context.Transforms.NormalizeMeanVariance("S"), data);
        var (message, _) = EstimatorWorkout.AssertRejected(context.Transforms.NormalizeMeanVariance("N", "Name"), invalid);
        StringAssert.Contains(message, "'Name': expected Single or a known-size vector of Single, got String");
    }

    [TestMethod]
    public void Fit_MinMaxFixZero_ScaleByLargestMagnitude()
    {
        var model = Affine(new MLContext(1).Transforms.NormalizeMinMax("X"), NormalizerRows.Slots(new MLContext(1)));
        CollectionAssert.AreEqual(new[] { 1 / 5f, 0, 1 / 8f }, model.Scale.ToArray());
        CollectionAssert.AreEqual(new float[] { 0, 0, 0 }, model.Offset.ToArray());
    }

    [TestMethod]
    public void Transform_MinMax_MapsRangeToZeroOneKeepsNaN()
    {
        var context = new MLContext(1);
        var data = NormalizerRows.Slots(context);
        var estimator = context.Transforms.NormalizeMinMax("XN", "X", fixZero: false);
        var model = Affine(estimator, data);
        CollectionAssert.AreEqual(new[] { 1 / 4f, 0, 1 / 12f }, model.Scale.ToArray());
        CollectionAssert.AreEqual(new float[] { 1, 0, -4 }, model.Offset.ToArray());
        var rows = TransformRows.VectorColumn<float>(estimator.Fit(data).Transform(data), "XN");
        CollectionAssert.AreEqual(new float[] { 0, 0, 0.5f }, rows[0]);
        CollectionAssert.AreEqual(new float[] { 1, 0, 10 * (1 / 12f) }, rows[2]);
        Assert.IsTrue(float.IsNaN(rows[3][0]));
        Assert.AreEqual(1f, rows[3][2]);
    }

    [TestMethod]
    public void Fit_MeanVariance_ScaleIsInversePopulationStdDevOffsetIsMean()
    {
        var model = Affine(new MLContext(1).Transforms.NormalizeMeanVariance("X", fixZero: false), NormalizerRows.Slots(new MLContext(1)));
        Assert.AreEqual(1 / MathF.Sqrt(8f / 3), model.Scale[0], 1e-6f);
        Assert.AreEqual(0f, model.Scale[1]);
        Assert.AreEqual(1 / MathF.Sqrt(21), model.Scale[2], 1e-6f);
        CollectionAssert.AreEqual(new float[] { 3, 0, 3 }, model.Offset.ToArray());
    }

    [TestMethod]
    public void Fit_MeanVarianceFixZero_ScaleIsInverseRootMeanSquare()
    {
        // sqrt(variance + mean^2) is the root mean square: slot 0 sqrt(8/3 + 9), slot 2 sqrt(21 + 9).
        var model = Affine(new MLContext(1).Transforms.NormalizeMeanVariance("X"), NormalizerRows.Slots(new MLContext(1)));
        Assert.AreEqual(1 / MathF.Sqrt(8f / 3 + 9), model.Scale[0], 1e-6f);
        Assert.AreEqual(1 / MathF.Sqrt(30), model.Scale[2], 1e-6f);
        CollectionAssert.AreEqual(new float[] { 0, 0, 0 }, model.Offset.ToArray());
    }

    [TestMethod]
    public void Transform_MeanVarianceScalar_Standardizes()
    {
        var context = new MLContext(1);
        var data = NormalizerRows.Slots(context);
        var output = context.Transforms.NormalizeMeanVariance("SN", "S", fixZero: false).Fit(data).Transform(data);
        var values = TransformRows.Column<float>(output, "SN");
        CollectionAssert.AreEqual(new[] { -MathF.Sqrt(2), 0, 0, MathF.Sqrt(2) }, values, new ToleranceComparer(1e-6f));
    }

    [TestMethod]
    public void Transform_UseCdf_NormalCdfOfStandardizedValue()
    {
        var context = new MLContext(1);
        var data = NormalizerRows.Slots(context);
        var transformer = context.Transforms.NormalizeMeanVariance("SN", "S", useCdf: true).Fit(data);
        var model = (CdfNormalizerModelParameters)transformer.ModelParameters;
        Assert.AreEqual(4f, model.Mean[0]);
        Assert.AreEqual(MathF.Sqrt(2), model.StandardDeviation[0], 1e-6f);
        // z = -sqrt 2, 0, 0, sqrt 2: Phi(-1.41421) = 0.0786496, Phi(0) = 0.5 (the erf approximation is good to about 1e-4).
        var values = TransformRows.Column<float>(transformer.Transform(data), "SN");
        CollectionAssert.AreEqual(new[] { 0.0786496f, 0.5f, 0.5f, 0.9213504f }, values, new ToleranceComparer(2e-4f));
    }

    [TestMethod]
    public void Fit_MaximumExampleCount_ReadsOnlyThatManyRows()
    {
        var model = Affine(new MLContext(1).Transforms.NormalizeMinMax("X", fixZero: false, maximumExampleCount: 2), NormalizerRows.Slots(new MLContext(1)));
        CollectionAssert.AreEqual(new[] { 1 / 2f, 0, 1 / 6f }, model.Scale.ToArray()); // rows 0-1: slot 0 in [1, 3], slot 2 in [-4, 2]
    }

    [TestMethod]
    public void Constructor_BadArguments_Throw()
    {
        var transforms = new MLContext(1).Transforms;
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transforms.NormalizeMinMax("X", maximumExampleCount: 1));
        var e = Assert.ThrowsExactly<ArgumentException>(() => new NormalizingEstimator("X", useCdf: true));
        StringAssert.Contains(e.Message, "MeanVariance only");
    }

    private sealed class ToleranceComparer(float tolerance) : System.Collections.IComparer
    {
        public int Compare(object? x, object? y) => Math.Abs((float)x! - (float)y!) <= tolerance ? 0 : 1;
    }
}
