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
    public void Execute_SampleAloneOrInAChunk_GivesIdenticalResults()
    {
        // 33 channels x 3x3 is a reduction past one K block, and 6x6 planes put several samples in one GEMM.
        var test = (ConvolutionCase)ConvolutionCase.All().Last()[0];
        var random = new SeededRandom(8);
        var x = KernelRunner.Random(random, test.Input);
        var w = KernelRunner.Random(random, test.Weight);
        var b = KernelRunner.Random(random, new(test.Filters));
        var op = new Conv2D(test.Geometry, true);
        var batch = KernelRunner.Run(op, [test.Input, test.Weight, new(test.Filters)], [x, w, b])[0];
        int inputSample = test.Input.SampleSize, outputSample = test.Output.SampleSize;
        var oneInput = test.Input.WithDimension(0, 1);
        for (int n = 0; n < test.Batch; n++)
        {
            var alone = KernelRunner.Run(op, [oneInput, test.Weight, new(test.Filters)], [x[(n * inputSample)..((n + 1) * inputSample)], w, b])[0];
            CollectionAssert.AreEqual(batch[(n * outputSample)..((n + 1) * outputSample)], alone, $"sample {n}");
        }
    }

}
