// Every row of the op table, on every backend, against the naive reference.
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Ops;

[TestClass]
public sealed class OpForwardTests
{
    public static IEnumerable<object[]> Cases => OpSpecs.ForwardCases;

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Forward_TableRow_MatchesNaiveReference(string specName, string backendName)
    {
        var spec = OpSpecs.Named(specName);
        var random = new SeededRandom(spec.Seed);
        float[][] inputs = spec.Inputs.Select(i => i.Generate(random)).ToArray();
        using var backend = TestBackends.Named(backendName).Create();

        float[][] actual = OpRunner.Evaluate(backend, spec.Op, spec.Inputs, inputs);
        float[][] expected = NaiveReference.Evaluate(spec.Op, spec.Inputs.Select(i => i.Shape).ToArray(), inputs);

        Assert.HasCount(expected.Length, actual);
        for (int o = 0; o < expected.Length; o++)
        {
            Assert.HasCount(expected[o].Length, actual[o], $"output {o} length");
            for (int i = 0; i < expected[o].Length; i++)
            {
                double tolerance = spec.Tolerance * (1 + Math.Abs(expected[o][i]));
                Assert.IsTrue(Math.Abs(actual[o][i] - expected[o][i]) <= tolerance,
                    $"{spec.Name} on {backendName}: output {o}[{i}] = {actual[o][i]:G9}, expected {expected[o][i]:G9}.");
            }
        }
    }
}
