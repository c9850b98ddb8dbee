// CSVs of image paths: header columns by name, quoting, relative paths, and the mistakes that name a line.
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Mlcnn.Inputs;

[TestClass]
public sealed class PathCsvReaderTests
{
    private static string Write(string text)
    {
        string path = Path.Combine(MlcnnData.NewFolder("csv"), "list.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [TestMethod]
    public void Read_HeaderInAnyOrderWithQuotes_ResolvesPathsAgainstTheCsvFolder()
    {
        string csv = Write("Label,extra,Path\r\ncat,1,a/b.png\r\n\"dog, big\",2,\"/abs/x \"\"y\"\".jpg\"\r\n\r\n");
        var rows = PathCsvReader.Read(csv, requireLabels: true).ToList();
        Assert.HasCount(2, rows);
        Assert.AreEqual(new PathCsvRow(2, Path.Combine(Path.GetDirectoryName(csv)!, "a", "b.png"), "cat"), rows[0]);
        Assert.AreEqual(new PathCsvRow(3, "/abs/x \"y\".jpg", "dog, big"), rows[1]);
    }

    [TestMethod]
    public void Read_NoLabelColumnWhenNotRequired_GivesNullLabels()
    {
        var rows = PathCsvReader.Read(Write("path\n/a.png\n"), requireLabels: false).ToList();
        Assert.IsNull(rows.Single().Label);
    }

    [TestMethod]
    [DataRow("", "is empty")]
    [DataRow("file,label\na.png,x\n", "has no 'path' column")]
    [DataRow("path\na.png\n", "has no 'label' column")]
    [DataRow("path,label\na.png\n", "Line 2 of")]
    [DataRow("path,label\n,cat\n", "Line 2 of '{0}' has an empty path")]
    [DataRow("path,label\na.png,\n", "has an empty label")]
    [DataRow("path,label\n\"a.png,cat\n", "ends inside a quoted field")]
    public void Read_MalformedCsv_ThrowsNamingFileAndLine(string text, string expected)
    {
        string csv = Write(text);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => PathCsvReader.Read(csv, requireLabels: true).ToList());
        StringAssert.Contains(error.Message, string.Format(expected, csv));
    }
}
