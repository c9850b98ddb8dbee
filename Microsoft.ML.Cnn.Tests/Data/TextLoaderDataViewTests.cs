// LoadFromTextFile: columns from [LoadColumn], headers, quoting, vectors from field ranges, and located parse errors.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class TextLoaderDataViewTests
{
    public sealed class TextRow
    {
        [LoadColumn(0)] public float Value;
        [LoadColumn(1), ColumnName("Label")] public string Name = "";
        [LoadColumn(2), KeyType(3)] public uint Key;
        [LoadColumn(3, 5)] public float[] Features = [];
        [LoadColumn(6)] public bool Flag;
    }

    public sealed class NoPositionRow
    {
        public float Value;
    }

    private static string WriteTemp(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"mlcnn-text-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, text);
        return path;
    }

    private static TextRow[] Load(string text, char separator = '\t', bool hasHeader = false, bool allowQuoting = false)
    {
        string path = WriteTemp(text);
        try
        {
            var data = new MLContext(1).Data;
            return data.CreateEnumerable<TextRow>(data.LoadFromTextFile<TextRow>(path, separator, hasHeader, allowQuoting)).ToArray();
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void LoadFromTextFile_TabSeparated_ReadsEveryColumn()
    {
        var rows = Load("1.5\tcat\t2\t1\t2\t3\ttrue\n\n-2\tdog\t0\t4\t5\t6\t0\n");
        Assert.HasCount(2, rows);
        Assert.AreEqual(1.5f, rows[0].Value);
        Assert.AreEqual("cat", rows[0].Name);
        Assert.AreEqual(2u, rows[0].Key);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, rows[0].Features);
        Assert.IsTrue(rows[0].Flag);
        Assert.IsFalse(rows[1].Flag);
        Assert.AreEqual(0u, rows[1].Key);
    }

    [TestMethod]
    public void LoadFromTextFile_HeaderAndQuotedCommas_SkipsHeaderAndKeepsQuotedSeparators()
    {
        var rows = Load("v,name,k,a,b,c,f\n3,\"a, \"\"b\"\"\",1,0,0,0,false\n", ',', hasHeader: true, allowQuoting: true);
        Assert.HasCount(1, rows);
        Assert.AreEqual("a, \"b\"", rows[0].Name);
    }

    [TestMethod]
    public void Schema_RangeOnArray_IsKnownSizeVector()
    {
        var view = new MLContext(1).Data.LoadFromTextFile<TextRow>("unused.tsv");
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), view.Schema["Features"].Type);
        Assert.AreEqual(TextDataViewType.Instance, view.Schema["Label"].Type);
        Assert.AreEqual(new KeyDataViewType(3), view.Schema["Key"].Type);
    }

    [TestMethod]
    public void MoveNext_UnparsableValue_ThrowsNamingFileLineAndColumn()
    {
        var error = Assert.ThrowsExactly<FormatException>(() => Load("1\ta\t1\t1\t2\t3\t1\n2\tb\t1\t1\tx\t3\t1\n"));
        StringAssert.Contains(error.Message, "line 2");
        StringAssert.Contains(error.Message, "'Features'");
        StringAssert.Contains(error.Message, "field 4");
        StringAssert.Contains(error.Message, "'x'");
        StringAssert.Contains(error.Message, ".tsv");
    }

    [TestMethod]
    public void MoveNext_KeyBeyondCount_ThrowsNamingTheRange()
    {
        var error = Assert.ThrowsExactly<FormatException>(() => Load("1\ta\t4\t1\t2\t3\t1\n"));
        StringAssert.Contains(error.Message, "0..3");
    }

    [TestMethod]
    public void MoveNext_TooFewFields_ThrowsNamingTheMissingField()
    {
        var error = Assert.ThrowsExactly<FormatException>(() => Load("1\ta\t1\n"));
        StringAssert.Contains(error.Message, "field 3 is missing");
    }

    [TestMethod]
    public void MoveNext_UnclosedQuote_Throws()
    {
        var error = Assert.ThrowsExactly<FormatException>(() => Load("1,\"abc,1,1,2,3,1\n", ',', allowQuoting: true));
        StringAssert.Contains(error.Message, "never closed");
    }

    [TestMethod]
    public void MoveNext_MissingFile_ThrowsFileNotFound()
    {
        var view = new MLContext(1).Data.LoadFromTextFile<TextRow>("/nonexistent/file.tsv");
        using var cursor = view.GetRowCursor(view.Schema);
        Assert.ThrowsExactly<FileNotFoundException>(() => cursor.MoveNext());
    }

    [TestMethod]
    public void LoadFromTextFile_MemberWithoutLoadColumn_ThrowsNamingIt()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext(1).Data.LoadFromTextFile<NoPositionRow>("x.tsv"));
        StringAssert.Contains(error.Message, "NoPositionRow.Value");
    }

    [TestMethod]
    public void GetRowCursor_InactiveBadColumn_IsNotParsed()
    {
        string path = WriteTemp("1\ta\t1\t1\tx\t3\t1\n");
        try
        {
            var view = new MLContext(1).Data.LoadFromTextFile<TextRow>(path);
            using var cursor = view.GetRowCursor([view.Schema["Value"]]);
            Assert.IsTrue(cursor.MoveNext());
            float value = 0;
            cursor.GetGetter<float>(view.Schema["Value"])(ref value);
            Assert.AreEqual(1f, value);
        }
        finally { File.Delete(path); }
    }
}
