// The train command's report: one self-contained HTML file with the expected sections.
using System.Text.RegularExpressions;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Reports;

[TestClass]
public sealed class HtmlReportTests
{
    private static string Report()
    {
        var (result, model) = MlcnnData.IdxModel;
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        return File.ReadAllText(Path.ChangeExtension(model, ".html"));
    }

    [TestMethod]
    public void Render_TrainingRun_HasEverySection()
    {
        string html = Report();
        foreach (var id in new[] { "run", "curves", "metrics", "confusion-matrix", "mistakes", "network" }) StringAssert.Contains(html, $"<section id=\"{id}\">");
        StringAssert.Contains(html, "Loss per epoch");
        StringAssert.Contains(html, "Accuracy per epoch");
        StringAssert.Contains(html, "<table class=\"heatmap\">");
        StringAssert.Contains(html, "<th class=\"predicted\">9</th>");          // class names as headers
        StringAssert.Contains(html, "Metrics on the test data (60 rows)");
    }

    [TestMethod]
    public void Render_Mistakes_AreThumbnailsAsDataUrisMostConfidentFirst()
    {
        string html = Report();
        var images = Regex.Matches(html, "<img alt=\"[^\"]*\" src=\"data:image/png;base64,[A-Za-z0-9+/=]+\">");
        Assert.IsGreaterThan(0, images.Count);
        Assert.IsLessThanOrEqualTo(24, images.Count);
        var shares = Regex.Matches(html, "predicted <b>[^<]*</b> ([0-9.]+)%").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.HasCount(images.Count, shares);
        CollectionAssert.AreEqual(shares.OrderByDescending(s => s).ToList(), shares);
    }

    [TestMethod]
    public void Render_IsSelfContained()
    {
        string html = Report();
        Assert.DoesNotMatchRegex(new Regex("(src|href)=\"(https?:)?//"), html);
        Assert.DoesNotMatchRegex(new Regex("<script|<link|@import|url\\("), html);
        // The only URL is the SVG namespace, which browsers never fetch.
        CollectionAssert.AreEquivalent(new[] { "http://www.w3.org/2000/svg" }, Regex.Matches(html, "https?://[^\"]+").Select(m => m.Value).Distinct().ToArray());
    }
}
