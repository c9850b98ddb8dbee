// Conv2D forward through the managed backend against a naive loop, over strides, padding, dilation, groups and depthwise.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class Conv2DKernelTests
{
    [TestMethod]
    [DynamicData(nameof(ConvolutionCase.All), typeof(ConvolutionCase))]
    public void Execute_Case_MatchesNaiveLoop(ConvolutionCase test)
    {
        var random = new SeededRandom(11);
        var x = KernelRunner.Random(random, test.Input);
        var w = KernelRunner.Random(random, test.Weight);
        var b = KernelRunner.Random(random, new(test.Filters));
        var expected = new double[test.Output.ElementCount];
        test.ForEachTerm((xi, wi, yi) => expected[yi] += (double)x[xi] * w[wi]);
        if (test.HasBias)
        {
            int plane = test.Output[2] * test.Output[3];
            for (int i = 0; i < expected.Length; i++) expected[i] += b[i / plane % test.Filters];
        }

        var op = new Conv2D(test.Geometry, test.HasBias);
        var actual = test.HasBias
            ? KernelRunner.Run(op, [test.Input, test.Weight, new(test.Filters)], [x, w, b])
            : KernelRunner.Run(op, [test.Input, test.Weight], [x, w]);

        KernelRunner.AssertClose(Array.ConvertAll(expected, v => (float)v), actual[0], 1e-4f, test.Name);
    }

    [TestMethod]
    public void Execute_OneThreadAndTwoThreads_GiveIdenticalResults()
    {
        var test = (ConvolutionCase)ConvolutionCase.All().Last()[0];
        var random = new SeededRandom(5);
        var x = KernelRunner.Random(random, test.Input);
        var w = KernelRunner.Random(random, test.Weight);
        var b = KernelRunner.Random(random, new(test.Filters));
        var op = new Conv2D(test.Geometry, true);
        var one = KernelRunner.Run(op, [test.Input, test.Weight, new(test.Filters)], [x, w, b], threads: 1);
        var two = KernelRunner.Run(op, [test.Input, test.Weight, new(test.Filters)], [x, w, b], threads: 2);
        CollectionAssert.AreEqual(one[0], two[0]);
    }

    [TestMethod]
    [TestCategory("Perf")]
    public void Execute_SeedCnnLayers_ReportsMilliseconds()
    {
        KernelRunner.RequirePerfOptIn();
        var valid = new Conv2DGeometry(3, 3, 1, 1, Padding2D.None, 1, 1, 1);
        foreach (var (name, input, weight) in new[]
        {
            ("conv1 1->32 28x28", new Shape(128, 1, 28, 28), new Shape(32, 1, 3, 3)),
            ("conv2 32->64 13x13", new Shape(128, 32, 13, 13), new Shape(64, 32, 3, 3)),
        })
        {
            var output = new Shape(128, weight[0], input[2] - 2, input[3] - 2);
            var forward = KernelRunner.Milliseconds(new Conv2D(valid, true), [input, weight, new(weight[0])], 2, 41);
            var data = KernelRunner.Milliseconds(new Conv2DBackwardData(valid, input), [output, weight], 2, 41);
            var weights = KernelRunner.Milliseconds(new Conv2DBackwardWeights(valid, weight, true), [input, output], 2, 41);
            Console.WriteLine($"{name} batch 128, 2 threads: (min/median ms) forward {forward.Minimum:F2}/{forward.Median:F2}, backward data {data.Minimum:F2}/{data.Median:F2}, backward weights {weights.Minimum:F2}/{weights.Median:F2}");
        }
    }
}
