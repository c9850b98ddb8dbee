// The dedicated oneDNN thread: work runs on it, one item at a time, and its failures reach the caller.
using Microsoft.ML.Cnn.Backends.OneDnn;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Backends.OneDnn;

[TestClass]
public sealed class ComputeThreadTests
{
    [TestMethod]
    public void Invoke_FromSeveralCallers_RunsEverythingOnTheSameThread()
    {
        TestBackends.CreateOneDnn().Dispose();
        using var thread = new ComputeThread(threads: 1);
        int caller = Environment.CurrentManagedThreadId;

        var ids = Enumerable.Range(0, 4).AsParallel().Select(_ => thread.Invoke(() => Environment.CurrentManagedThreadId)).ToArray();

        Assert.HasCount(1, ids.Distinct());
        Assert.AreNotEqual(caller, ids[0]);
    }

    [TestMethod]
    public void Invoke_WorkThrows_RethrowsOnCallerAndKeepsRunning()
    {
        TestBackends.CreateOneDnn().Dispose();
        using var thread = new ComputeThread(threads: 1);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => thread.Invoke<int>(() => throw new InvalidOperationException("boom")));

        Assert.AreEqual("boom", error.Message);
        Assert.AreEqual(42, thread.Invoke(() => 42));
    }
}
