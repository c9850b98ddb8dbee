using Microsoft.ML.Cnn.Backends.Managed;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed;

[TestClass]
public sealed class WorkerPoolTests
{
    private sealed class MarkBody(int[] marks) : IParallelBody
    {
        public int MaxWorker;

        public void Run(int start, int end, int worker)
        {
            for (int i = start; i < end; i++) Interlocked.Increment(ref marks[i]);
            InterlockedMax(ref MaxWorker, worker);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
        }
    }

    private sealed class ThrowingBody : IParallelBody
    {
        public void Run(int start, int end, int worker)
        {
            if (worker == 1) throw new InvalidOperationException("boom");
        }
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(7)]
    [DataRow(1000)]
    public void For_AnyCount_RunsEachIndexOnce(int count)
    {
        using var pool = new WorkerPool(3);
        var marks = new int[count];
        for (int repeat = 0; repeat < 20; repeat++) pool.For(count, new MarkBody(marks));
        Assert.IsTrue(marks.All(m => m == 20));
    }

    [TestMethod]
    public void For_ManyItems_UsesWorkerThreads()
    {
        using var pool = new WorkerPool(2);
        var body = new MarkBody(new int[100]);
        pool.For(100, body);
        Assert.AreEqual(1, body.MaxWorker);
    }

    [TestMethod]
    public void For_WorkerThrows_RethrowsOnCaller()
    {
        using var pool = new WorkerPool(2);
        var e = Assert.ThrowsExactly<AggregateException>(() => pool.For(10, new ThrowingBody()));
        Assert.IsInstanceOfType<InvalidOperationException>(e.InnerException);
        var marks = new int[10];
        pool.For(10, new MarkBody(marks)); // still usable
        Assert.IsTrue(marks.All(m => m == 1));
    }

    [TestMethod]
    public void For_SteadyState_AllocatesNothing()
    {
        using var pool = new WorkerPool(2);
        var body = new MarkBody(new int[64]);
        pool.For(64, body);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) pool.For(64, body);
        Assert.AreEqual(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [TestMethod]
    public void Constructor_ZeroThreads_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new WorkerPool(0));
}
