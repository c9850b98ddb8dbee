// AUC with ties as one half and ML.NET's lower-trapezoid AUPRC on small hand-checked score lists.
using Microsoft.ML.Cnn.Evaluation;

namespace Microsoft.ML.Cnn.Tests.Evaluation;

[TestClass]
public sealed class CurveAreasTests
{
    [TestMethod]
    [DataRow(new float[] { 3, 2, 1, 0 }, new[] { true, true, false, false }, 1.0, DisplayName = "separated")]
    [DataRow(new float[] { 0, 1, 2, 3 }, new[] { true, true, false, false }, 0.0, DisplayName = "reversed")]
    [DataRow(new float[] { 1, 1, 1, 1 }, new[] { true, false, true, false }, 0.5, DisplayName = "all tied")]
    [DataRow(new float[] { 2, 1, 1, 0 }, new[] { true, true, false, false }, 0.875, DisplayName = "one tied pair of four")]
    [DataRow(new float[] { 1, 2, 3 }, new[] { true, false, true }, 0.5, DisplayName = "one of two pairs won")]
    public void AreaUnderRocCurve_HandCountedPairs(float[] scores, bool[] positive, double expected)
    {
        Assert.AreEqual(expected, CurveAreas.AreaUnderRocCurve(scores, positive), 1e-12);
    }

    [TestMethod]
    public void AreaUnderRocCurve_OneClass_NaN()
    {
        Assert.IsTrue(double.IsNaN(CurveAreas.AreaUnderRocCurve([1f, 2f], [true, true])));
        Assert.IsTrue(double.IsNaN(CurveAreas.AreaUnderRocCurve([1f, 2f], [false, false])));
    }

    [TestMethod]
    public void AreaUnderPrecisionRecallCurve_Separated_One()
    {
        Assert.AreEqual(1.0, CurveAreas.AreaUnderPrecisionRecallCurve([3f, 2f, 1f], [true, true, false]), 1e-12);
    }

    [TestMethod]
    public void AreaUnderPrecisionRecallCurve_NegativeFirst_LowerTrapezoid()
    {
        // -, + : the positive raises recall 0 -> 1 while precision goes from 0 (after the negative) to 1/2.
        Assert.AreEqual((0 + 0.5) / 2, CurveAreas.AreaUnderPrecisionRecallCurve([2f, 1f], [false, true]), 1e-12);
    }

    [TestMethod]
    public void AreaUnderPrecisionRecallCurve_TiedScores_VisitedInRowOrder()
    {
        // ML.NET does not group ties: a positive before its tied negative counts as ranked above it.
        Assert.AreEqual(1.0, CurveAreas.AreaUnderPrecisionRecallCurve([1f, 1f], [true, false]), 1e-12);
        Assert.AreEqual(0.25, CurveAreas.AreaUnderPrecisionRecallCurve([1f, 1f], [false, true]), 1e-12);
    }

    [TestMethod]
    public void AreaUnderPrecisionRecallCurve_NoPositive_Zero()
    {
        Assert.AreEqual(0, CurveAreas.AreaUnderPrecisionRecallCurve([1f, 2f], [false, false]));
    }

    [TestMethod]
    public void Areas_MismatchedLengths_Throw()
    {
        Assert.ThrowsExactly<ArgumentException>(() => CurveAreas.AreaUnderRocCurve([1f], [true, false]));
        Assert.ThrowsExactly<ArgumentException>(() => CurveAreas.AreaUnderPrecisionRecallCurve([1f, 2f], [true]));
    }
}
