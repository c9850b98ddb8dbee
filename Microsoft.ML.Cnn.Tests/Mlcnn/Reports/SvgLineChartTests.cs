// Epoch curves: one polyline per series with values, points skipped where a value is missing.
using Microsoft.ML.Cnn.Mlcnn.Reports;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Reports;

[TestClass]
public sealed class SvgLineChartTests
{
    [TestMethod]
    public void Render_TwoSeries_DrawsBothWithLegend()
    {
        string svg = SvgLineChart.Render("Loss", [new ChartSeries("training", "#000", [0.9, 0.5, 0.4]), new ChartSeries("validation", "#f00", [1.0, double.NaN, 0.6], Dashed: true)], percent: false);
        Assert.AreEqual(2, svg.Split("<polyline").Length - 1);
        Assert.AreEqual(5, svg.Split("<circle").Length - 1);                  // the NaN has no marker
        StringAssert.Contains(svg, ">validation</text>");
        StringAssert.Contains(svg, "stroke-dasharray");
    }

    [TestMethod]
    public void Render_Percent_FormatsTicksAsPercentages() =>
        StringAssert.Contains(SvgLineChart.Render("Accuracy", [new ChartSeries("training", "#000", [0.5, 0.75])], percent: true), "%</text>");

    [TestMethod]
    public void Render_NoFiniteValue_SaysSo() =>
        StringAssert.Contains(SvgLineChart.Render("Loss", [new ChartSeries("training", "#000", [double.NaN])], percent: false), "no values");
}
