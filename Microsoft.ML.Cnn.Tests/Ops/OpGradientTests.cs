// Every differentiable row of the op table, on every backend: reverse-mode VJP against finite differences.
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Ops;

[TestClass]
public sealed class OpGradientTests
{
    public static IEnumerable<object[]> Cases => OpSpecs.GradientCases;

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Gradient_TableRow_MatchesFiniteDifference(string specName, string backendName)
    {
        var spec = OpSpecs.Named(specName);
        using var backend = TestBackends.Named(backendName).Create();
        GradientChecker.Check(backend, spec.Op, spec.Inputs, seed: spec.Seed + 1, spec.Epsilon);
    }
}
