using Microsoft.ML.Cnn.Execution;

namespace Microsoft.ML.Cnn.Tests.Execution;

[TestClass]
public sealed class MemoryPlannerTests
{
    [TestMethod]
    public void Plan_DisjointLifetimes_ReusesMemory()
    {
        var (offsets, arena) = MemoryPlanner.Plan([new(100, 0, 1), new(100, 2, 3)]);
        Assert.AreEqual(offsets[0], offsets[1]);
        Assert.AreEqual(MemoryPlanner.AlignUp(100), arena);
    }

    [TestMethod]
    public void Plan_OverlappingLifetimes_NeverOverlapsInMemory()
    {
        var random = new Cnn.Numerics.SeededRandom(7);
        var requests = Enumerable.Range(0, 200).Select(_ =>
        {
            int first = random.NextInt(50);
            return new BufferRequest(1 + random.NextInt(1000), first, first + random.NextInt(10));
        }).ToArray();
        var (offsets, arena) = MemoryPlanner.Plan(requests);
        for (int i = 0; i < requests.Length; i++)
        {
            Assert.AreEqual(0, offsets[i] % MemoryPlanner.Alignment, "aligned");
            Assert.IsTrue(offsets[i] + requests[i].Length <= arena);
            for (int j = i + 1; j < requests.Length; j++)
            {
                bool liveTogether = requests[i].FirstStep <= requests[j].LastStep && requests[j].FirstStep <= requests[i].LastStep;
                bool overlap = offsets[i] < offsets[j] + requests[j].Length && offsets[j] < offsets[i] + requests[i].Length;
                Assert.IsFalse(liveTogether && overlap, $"buffers {i} and {j} collide");
            }
        }
        Assert.IsTrue(arena < requests.Sum(r => MemoryPlanner.AlignUp(r.Length)), "reuse happened");
    }

    [TestMethod]
    public void Plan_InvalidLifetime_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => MemoryPlanner.Plan([new(10, 3, 1)]));
}
