// PredictionEnginePool: concurrent predictions from several threads equal serial ones; engines are created on demand,
// reused, bounded in number kept, and must come back to the pool they came from, once.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Prediction;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Prediction;

[TestClass]
public sealed class PredictionEnginePoolTests
{
    private static readonly string[] Kinds = ["pear", "apple", "fig", "kiwi"];

    private static FruitRow Example(int i) => PredictionEngineTests.Fruit(Kinds[i % Kinds.Length], i);

    [TestMethod]
    public void Predict_ManyThreads_SameAsSerial()
    {
        const int threads = 4, perThread = 400;
        var (context, _, model) = PredictionEngineTests.FruitModel();
        string[] serial;
        using (var engine = context.Model.CreatePredictionEngine<FruitRow, FruitPrediction>(model))
            serial = Enumerable.Range(0, threads * perThread).Select(i => PredictionEngineTests.Describe(engine.Predict(Example(i)))).ToArray();

        using var pool = context.Model.CreatePredictionEnginePool<FruitRow, FruitPrediction>(model, maximumRetained: 2);
        var concurrent = new string[serial.Length];
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            FruitPrediction reused = null!;
            for (int k = 0; k < perThread; k++)
            {
                int i = k * threads + t; // interleave the examples across threads
                if (k % 2 == 0) concurrent[i] = PredictionEngineTests.Describe(pool.Predict(Example(i)));
                else
                {
                    pool.Predict(Example(i), ref reused);
                    concurrent[i] = PredictionEngineTests.Describe(reused);
                }
            }
        })).ToArray();
        foreach (var worker in workers) worker.Start();
        foreach (var worker in workers) worker.Join();

        CollectionAssert.AreEqual(serial, concurrent);
        Assert.IsTrue(pool.EnginesCreated is >= 1 and <= threads * perThread, $"{pool.EnginesCreated} engines created");
    }

    [TestMethod]
    public void Predict_Sequential_OneEngineCreatedLazilyAndReused()
    {
        var (context, _, model) = PredictionEngineTests.FruitModel();
        using var pool = context.Model.CreatePredictionEnginePool<FruitRow, FruitPrediction>(model);
        Assert.AreEqual(0, pool.EnginesCreated);
        for (int i = 0; i < 5; i++) Assert.AreEqual(Kinds[i % 4], pool.Predict(Example(i)).Copy);
        Assert.AreEqual(1, pool.EnginesCreated);
        Assert.AreSame(model, pool.GetModel());
        Assert.AreEqual(2 * Environment.ProcessorCount, pool.MaximumRetained);
        Assert.AreEqual("Features", pool.OutputSchema["Features"].Name);
    }

    [TestMethod]
    public void ReturnPredictionEngine_MoreThanRetained_ExtraEngineDisposed()
    {
        var (context, _, model) = PredictionEngineTests.FruitModel();
        using var pool = context.Model.CreatePredictionEnginePool<FruitRow, FruitPrediction>(model, maximumRetained: 1);
        var first = pool.GetPredictionEngine();
        var second = pool.GetPredictionEngine();
        Assert.AreNotSame(first, second);
        pool.ReturnPredictionEngine(first);
        pool.ReturnPredictionEngine(second);
        Assert.ThrowsExactly<ObjectDisposedException>(() => second.Predict(Example(0)));
        Assert.AreSame(first, pool.GetPredictionEngine());
        Assert.AreEqual(2, pool.EnginesCreated);
    }

    [TestMethod]
    public void ReturnPredictionEngine_ForeignOrTwice_Throws()
    {
        var (context, _, model) = PredictionEngineTests.FruitModel();
        using var pool = context.Model.CreatePredictionEnginePool<FruitRow, FruitPrediction>(model);
        using var other = context.Model.CreatePredictionEnginePool<FruitRow, FruitPrediction>(model);
        using var standalone = context.Model.CreatePredictionEngine<FruitRow, FruitPrediction>(model);
        var engine = other.GetPredictionEngine();
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => pool.ReturnPredictionEngine(engine)).Message, "not taken from this pool");
        Assert.ThrowsExactly<ArgumentException>(() => pool.ReturnPredictionEngine(standalone));
        other.ReturnPredictionEngine(engine);
        StringAssert.Contains(Assert.ThrowsExactly<InvalidOperationException>(() => other.ReturnPredictionEngine(engine)).Message, "already returned");
    }

    [TestMethod]
    public void Dispose_IdleEnginesDisposedAndOutstandingOnesOnReturn()
    {
        var (context, _, model) = PredictionEngineTests.FruitModel();
        var pool = context.Model.CreatePredictionEnginePool<FruitRow, FruitPrediction>(model);
        var idle = pool.GetPredictionEngine();
        var outstanding = pool.GetPredictionEngine();
        pool.ReturnPredictionEngine(idle);
        pool.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => idle.Predict(Example(0)));
        Assert.AreEqual("pear", outstanding.Predict(Example(0)).Copy);
        pool.ReturnPredictionEngine(outstanding);
        Assert.ThrowsExactly<ObjectDisposedException>(() => outstanding.Predict(Example(0)));
        Assert.ThrowsExactly<ObjectDisposedException>(() => pool.Predict(Example(0)));
    }

    [TestMethod]
    public void CreatePredictionEnginePool_NoRetainedEngines_Throws()
    {
        var (context, _, model) = PredictionEngineTests.FruitModel();
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => context.Model.CreatePredictionEnginePool<FruitRow, FruitPrediction>(model, maximumRetained: 0));
        StringAssert.Contains(error.Message, "at least one idle engine");
    }
}
