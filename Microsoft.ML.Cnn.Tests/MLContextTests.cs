// The context: seeds drawn for seedless operations and the Log event.
using Microsoft.ML.Cnn;

namespace Microsoft.ML.Cnn.Tests;

[TestClass]
public sealed class MLContextTests
{
    [TestMethod]
    public void NextSeed_SameSeed_SameSequence()
    {
        var (a, b) = (new MLContext(7), new MLContext(7));
        Assert.AreEqual(a.NextSeed(), b.NextSeed());
        Assert.AreEqual(a.NextSeed(), b.NextSeed());
        Assert.AreNotEqual(new MLContext(8).NextSeed(), new MLContext(7).NextSeed());
    }

    [TestMethod]
    public void WriteLog_Subscriber_ReceivesFormattedMessage()
    {
        var context = new MLContext(1);
        var messages = new List<LoggingEventArgs>();
        context.Log += (_, e) => messages.Add(e);
        context.WriteLog("Trainer", ChannelMessageKind.Info, "epoch 1");
        Assert.HasCount(1, messages);
        Assert.AreEqual("[Source=Trainer, Kind=Info] epoch 1", messages[0].Message);
        Assert.AreEqual(ChannelMessageKind.Info, messages[0].Kind);
    }
}
