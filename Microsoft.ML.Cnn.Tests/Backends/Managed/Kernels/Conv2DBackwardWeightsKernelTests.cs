// Conv2D backward-weights through the managed backend against a naive loop, including the bias gradient.
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class Conv2DBackwardWeightsKernelTests
{
    [TestMethod]
    [DynamicData(nameof(ConvolutionCase.All), typeof(ConvolutionCase))]
    public void Execute_Case_MatchesNaiveLoop(ConvolutionCase test)
    {
        var random = new SeededRandom(13);
        var x = KernelRunner.Random(random, test.Input);
        var dy = KernelRunner.Random(random, test.Output);
        var expectedWeights = new double[test.Weight.ElementCount];
        test.ForEachTerm((xi, wi, yi) => expectedWeights[wi] += (double)x[xi] * dy[yi]);
        var expectedBias = new double[test.Filters];
        int plane = test.Output[2] * test.Output[3];
        for (int i = 0; i < dy.Length; i++) expectedBias[i / plane % test.Filters] += dy[i];

        var actual = KernelRunner.Run(new Conv2DBackwardWeights(test.Geometry, test.Weight, test.HasBias), [test.Input, test.Output], [x, dy]);

        KernelRunner.AssertClose(Array.ConvertAll(expectedWeights, v => (float)v), actual[0], 1e-3f, test.Name);
        Assert.HasCount(test.HasBias ? 2 : 1, actual);
        if (test.HasBias) KernelRunner.AssertClose(Array.ConvertAll(expectedBias, v => (float)v), actual[1], 1e-3f, test.Name + " bias");
    }

    [TestMethod]
    public void Execute_RepeatedRuns_GiveBitIdenticalGradients()
    {
        var test = (ConvolutionCase)ConvolutionCase.All().Last()[0];
        var random = new SeededRandom(6);
        var x = KernelRunner.Random(random, test.Input);
        var dy = KernelRunner.Random(random, test.Output);
        var op = new Conv2DBackwardWeights(test.Geometry, test.Weight, true);
        var first = KernelRunner.Run(op, [test.Input, test.Output], [x, dy]);
        var second = KernelRunner.Run(op, [test.Input, test.Output], [x, dy]);
        CollectionAssert.AreEqual(first[0], second[0]);
        CollectionAssert.AreEqual(first[1], second[1]);
    }
}
