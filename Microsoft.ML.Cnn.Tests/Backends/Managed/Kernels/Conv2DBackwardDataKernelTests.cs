// Conv2D backward-data through the managed backend against the naive transpose of the forward loop.
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class Conv2DBackwardDataKernelTests
{
    [TestMethod]
    [DynamicData(nameof(ConvolutionCase.All), typeof(ConvolutionCase))]
    public void Execute_Case_MatchesNaiveLoop(ConvolutionCase test)
    {
        var random = new SeededRandom(12);
        var dy = KernelRunner.Random(random, test.Output);
        var w = KernelRunner.Random(random, test.Weight);
        var expected = new double[test.Input.ElementCount];
        test.ForEachTerm((xi, wi, yi) => expected[xi] += (double)dy[yi] * w[wi]);

        var actual = KernelRunner.Run(new Conv2DBackwardData(test.Geometry, test.Input), [test.Output, test.Weight], [dy, w]);

        KernelRunner.AssertClose(Array.ConvertAll(expected, v => (float)v), actual[0], 1e-4f, test.Name);
    }
}
