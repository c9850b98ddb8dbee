// The predictor pool behind a fitted model: returned predictors are reused, rented ones are distinct, and a
// disposed pool refuses to rent.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Tests.Trainers;

[TestClass]
public sealed class PredictorPoolTests
{
    private static PredictorPool Pool() => new(Network.Sequential([4], [new Dense(2)], seed: 1), BackendKind.Managed, 1, batchSize: 8);

    [TestMethod]
    public void Rent_AfterReturn_ReusesThePredictorAndConcurrentRentsAreDistinct()
    {
        using var pool = Pool();

        var first = pool.Rent();
        var second = pool.Rent();
        pool.Return(first);
        var again = pool.Rent();

        Assert.AreNotSame(first, second);
        Assert.AreSame(first, again);
        Assert.AreEqual(8, again.MaxBatchSize);
        pool.Return(second);
        pool.Return(again);
    }

    [TestMethod]
    public void Rent_AfterDispose_Fails()
    {
        var pool = Pool();
        var rented = pool.Rent();
        pool.Dispose();

        pool.Return(rented);

        Assert.ThrowsExactly<ObjectDisposedException>(() => pool.Rent());
    }
}
