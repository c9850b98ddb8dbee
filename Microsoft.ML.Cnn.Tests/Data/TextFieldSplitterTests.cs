// Line splitting: plain separators, quoted fields with escaped quotes, malformed quoting.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Data;

[TestClass]
public sealed class TextFieldSplitterTests
{
    [TestMethod]
    public void Split_NoQuoting_KeepsQuotesAsText()
    {
        var fields = new List<string>();
        Assert.IsNull(new TextFieldSplitter(',', allowQuoting: false).Split("a,\"b,c\"", fields));
        CollectionAssert.AreEqual(new[] { "a", "\"b", "c\"" }, fields);
    }

    [TestMethod]
    public void Split_Quoting_KeepsSeparatorsAndUnescapesQuotes()
    {
        var fields = new List<string>();
        Assert.IsNull(new TextFieldSplitter(',', allowQuoting: true).Split("\"x,\"\"y\"\"\",,z", fields));
        CollectionAssert.AreEqual(new[] { "x,\"y\"", "", "z" }, fields);
    }

    [TestMethod]
    public void Split_TextAfterClosingQuote_ReturnsProblem() =>
        StringAssert.Contains(new TextFieldSplitter(',', true).Split("\"a\"b,c", []), "after the closing quote");
}
