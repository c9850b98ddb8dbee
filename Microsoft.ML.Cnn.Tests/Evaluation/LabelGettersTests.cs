// Label columns of every accepted type read as Single: booleans as 0/1, keys as class index with key 0 as NaN.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Evaluation;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Evaluation;

[TestClass]
public sealed class LabelGettersTests
{
    private sealed class Row
    {
        public float Single { get; set; }
        public double Double { get; set; }
        public bool Boolean { get; set; }
        [KeyType(3)] public uint Key { get; set; }
        [KeyType(3)] public byte ByteKey { get; set; }
        public string Text { get; set; } = "";
    }

    private static float[] Read(string column)
    {
        var data = new MLContext(1).Data.LoadFromEnumerable(new[]
        {
            new Row { Single = 2.5f, Double = -1.5, Boolean = true, Key = 3, ByteKey = 1 },
            new Row { Single = float.NaN, Double = 0, Boolean = false, Key = 0, ByteKey = 0 },
        });
        var label = data.Schema[column];
        using var cursor = data.GetRowCursor([label]);
        var getter = LabelGetters.AsSingle(cursor, label);
        var values = new List<float>();
        float value = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(value);
        }
        return values.ToArray();
    }

    [TestMethod]
    [DataRow("Single", 2.5f, float.NaN)]
    [DataRow("Double", -1.5f, 0f)]
    [DataRow("Boolean", 1f, 0f)]
    [DataRow("Key", 2f, float.NaN)]
    [DataRow("ByteKey", 0f, float.NaN)]
    public void AsSingle_EachLabelType_ReadAsClassIndexOrTruth(string column, float first, float second)
    {
        CollectionAssert.AreEqual(new[] { first, second }, Read(column));
    }

    [TestMethod]
    public void AsSingle_TextColumn_Throws()
    {
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Read("Text"));

        StringAssert.Contains(error.Message, "'Text' has type String");
    }
}
