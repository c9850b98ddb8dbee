// Text field parsing per item type: invariant numbers, NaN for empty floats, booleans, key ranges.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class TextValueParserTests
{
    [TestMethod]
    public void TryParse_InvariantFloat_Parses()
    {
        Assert.IsNull(TextValueParser.TryParse("1.25e2", NumberDataViewType.Single, out float value));
        Assert.AreEqual(125f, value);
    }

    [TestMethod]
    public void TryParse_EmptyDouble_IsNaN()
    {
        Assert.IsNull(TextValueParser.TryParse(" ", NumberDataViewType.Double, out double value));
        Assert.IsTrue(double.IsNaN(value));
    }

    [TestMethod]
    [DataRow("TRUE", true)]
    [DataRow("0", false)]
    public void TryParse_Boolean_AcceptsWordsAndDigits(string text, bool expected)
    {
        Assert.IsNull(TextValueParser.TryParse(text, BooleanDataViewType.Instance, out bool value));
        Assert.AreEqual(expected, value);
    }

    [TestMethod]
    public void TryParse_NegativeInt32_Parses()
    {
        Assert.IsNull(TextValueParser.TryParse("-7", NumberDataViewType.Int32, out int value));
        Assert.AreEqual(-7, value);
    }

    [TestMethod]
    [DataRow("-1")]
    [DataRow("256")]
    [DataRow("1.5")]
    public void TryParse_InvalidByte_ReturnsProblem(string text) =>
        Assert.IsNotNull(TextValueParser.TryParse(text, NumberDataViewType.Byte, out byte _));

    [TestMethod]
    public void TryParse_KeyWithinCount_Parses()
    {
        Assert.IsNull(TextValueParser.TryParse("3", new KeyDataViewType(3), out uint value));
        Assert.AreEqual(3u, value);
    }
}
