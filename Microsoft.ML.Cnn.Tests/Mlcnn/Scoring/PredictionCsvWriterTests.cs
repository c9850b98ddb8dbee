// The predictions CSV: header, scored rows, error rows of the same width, RFC 4180 quoting.
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Mlcnn.Scoring;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Scoring;

[TestClass]
public sealed class PredictionCsvWriterTests
{
    [TestMethod]
    public void Write_ScoredAndErrorRows_HaveTheHeadersWidthAndQuoting()
    {
        string path = Path.Combine(MlcnnData.NewFolder("predictions"), "p.csv");
        using (var writer = new PredictionCsvWriter(path, ["a", "b, c"]))
        {
            writer.WriteScored("/x/1.png", "b, c", [0.25f, 0.75f]);
            writer.WriteError("/x/\"2\".png", "corrupt:\nbad header");
        }
        var lines = File.ReadAllLines(path);
        Assert.AreEqual("path,label,probability,a,\"b, c\",error", lines[0]);
        Assert.AreEqual("/x/1.png,\"b, c\",0.750000,0.250000,0.750000,", lines[1]);
        Assert.AreEqual("\"/x/\"\"2\"\".png\",,,,,corrupt: bad header", lines[2]);
        Assert.HasCount(6, PathCsvReader.SplitLine(lines[2], path, 3));
    }
}
