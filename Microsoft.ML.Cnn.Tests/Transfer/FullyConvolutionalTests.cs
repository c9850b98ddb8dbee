using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Training;
using Microsoft.ML.Cnn.Transfer;

namespace Microsoft.ML.Cnn.Tests.Transfer;

[TestClass]
public sealed class FullyConvolutionalTests
{
    /// <summary>Valid convolutions, max pooling, BatchNorm, global pooling and a dense head: total stride 2.</summary>
    private static Network GapNetwork()
    {
        var network = Network.Sequential([3, 12, 12],
        [
            new Conv2D(4, 3, activation: Activation.Relu, name: "conv1"),
            new MaxPool2D(2, name: "pool1"),
            new Conv2D(6, 3, useBias: false, name: "conv2"),
            new BatchNorm(name: "bn"),
            new ReLU(name: "relu"),
            new GlobalAveragePool2D(name: "gap"),
            new Dense(5, name: "fc"),
        ], seed: 4);
        var bn = (BatchNorm)network.GetLayer("bn");
        for (int c = 0; c < 6; c++) { bn.RunningMean!.Data[c] = 0.1f * c; bn.RunningVariance!.Data[c] = 0.6f + 0.2f * c; bn.Gamma!.Data[c] = 1f + 0.1f * c; }
        return network;
    }

    private static float[] Random(int count, long seed)
    {
        var random = new SeededRandom(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = random.NextUniform(-1f, 1f);
        return values;
    }

    private static float[] Run(Network network, float[] input)
    {
        using var predictor = new Predictor(network, maxBatchSize: 1);
        return predictor.Predict(input, 1);
    }

    /// <summary>The [C, h, w] window of a [C, H, W] image at (top, left).</summary>
    private static float[] Crop(float[] image, Shape shape, int top, int left, int h, int w)
    {
        var crop = new float[shape[0] * h * w];
        for (int c = 0; c < shape[0]; c++)
            for (int y = 0; y < h; y++)
                Array.Copy(image, (c * shape[1] + top + y) * shape[2] + left, crop, (c * h + y) * w, w);
        return crop;
    }

    private static void AssertClose(float[] expected, float[] actual, string what)
    {
        Assert.HasCount(expected.Length, actual, what);
        float scale = Math.Max(expected.Max(MathF.Abs), 1e-3f);
        for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], actual[i], 1e-5f * scale, $"{what}, value {i}");
    }

    public static IEnumerable<object[]> Networks =>
    [
        ["SeedCnn", SeedCnn.Create([1, 28, 28], 10, seed: 1), 4],
        ["LeNet-5 classic 32x32", LeNet5.Create([1, 32, 32], 10, LeNet5Style.Classic, seed: 2), 4],
        ["LeNet-5 modern 32x32", LeNet5.Create([1, 32, 32], 7, LeNet5Style.Modern, seed: 3), 4],
        ["GAP network", GapNetwork(), 2],
    ];

    [TestMethod]
    [DynamicData(nameof(Networks))]
    public void Convert_OriginalSize_GivesA1x1MapEqualToTheOriginalOutput(string name, Network trained, int stride)
    {
        _ = stride;
        var shape = trained.InputShape;
        var converted = FullyConvolutional.Convert(trained, shape.ToArray());
        var input = Random(shape.ElementCount, seed: 5);

        Assert.AreEqual(new Shape(trained.OutputShape[0], 1, 1), converted.OutputShape, name);
        AssertClose(Run(trained, input), Run(converted, input), name);
    }

    [TestMethod]
    [DynamicData(nameof(Networks))]
    public void Convert_LargerInput_EachPositionIsTheOriginalOnItsCrop(string name, Network trained, int stride)
    {
        var shape = trained.InputShape;
        var larger = new Shape(shape[0], shape[1] + 2 * stride, shape[2] + 4 * stride);
        var converted = FullyConvolutional.Convert(trained, larger.ToArray());
        var image = Random(larger.ElementCount, seed: 6);
        int classes = trained.OutputShape[0];

        var map = Run(converted, image);

        Assert.AreEqual(new Shape(classes, 3, 5), converted.OutputShape, name);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 5; j++)
            {
                var expected = Run(trained, Crop(image, larger, i * stride, j * stride, shape[1], shape[2]));
                var actual = Enumerable.Range(0, classes).Select(k => map[(k * 3 + i) * 5 + j]).ToArray();
                AssertClose(expected, actual, $"{name} at ({i}, {j})");
            }
        }
    }

    [TestMethod]
    public void Convert_ClassActivationMap_DropsThePoolingAndAveragesToTheOriginal()
    {
        var trained = GapNetwork();
        var converted = FullyConvolutional.Convert(trained, [3, 12, 12], GlobalPoolingConversion.ClassActivationMap);
        var input = Random(3 * 12 * 12, seed: 7);

        var map = Run(converted, input);

        Assert.AreEqual(new Shape(5, 3, 3), converted.OutputShape);
        Assert.IsFalse(converted.Layers.Any(l => l is AvgPool2D or GlobalAveragePool2D));
        var means = Enumerable.Range(0, 5).Select(k => map.Skip(9 * k).Take(9).Average()).ToArray();
        AssertClose(Run(trained, input), means, "class activation map means");
    }

    [TestMethod]
    public void Convert_ResidualNetworkWithPadding_EqualOnTheOriginalSizeAndKeepsNamesAndFlags()
    {
        var trained = SmallResNet.Create([3, 16, 16], 4, seed: 8);
        trained.FreezeUpTo("stage1_block1_out");
        var input = Random(3 * 16 * 16, seed: 9);

        var converted = FullyConvolutional.Convert(trained, [3, 16, 16]);
        var larger = FullyConvolutional.Convert(trained, [3, 32, 24]);

        AssertClose(Run(trained, input), Run(converted, input), "SmallResNet");
        Assert.AreEqual(new Shape(4, 5, 3), larger.OutputShape, "final map 4x4 at 16x16 input, 8x6 at 32x24: 4x4 windows at stride 1");
        CollectionAssert.AreEqual(trained.Parameters.Select(p => p.Name).ToArray(), converted.Parameters.Select(p => p.Name).ToArray());
        CollectionAssert.AreEqual(trained.Layers.Select(l => l.Trainable).ToArray(), converted.Layers.Select(l => l.Trainable).ToArray());
        Assert.AreEqual(new Shape(4, 64, 1, 1), converted.GetLayer("output").Parameters[0].Shape);
    }

    [TestMethod]
    public void Convert_FlattenHead_ReshapesTheDenseWeightIntoAKernel()
    {
        var trained = SeedCnn.Create([1, 28, 28], 10, seed: 1);

        var converted = FullyConvolutional.Convert(trained, [1, 28, 28]);

        var dense = (Dense)trained.Layers.First(l => l is Dense);
        var conv = (Conv2D)converted.GetLayer(dense.Name);
        Assert.AreEqual(new Shape(128, 64, 5, 5), conv.Weight!.Shape);
        CollectionAssert.AreEqual(dense.Weight!.Data, conv.Weight.Data);
        Assert.AreNotSame(dense.Weight.Data, conv.Weight.Data, "the converted network owns its weights");
    }

    public static IEnumerable<object[]> Unconvertible =>
    [
        ["reshape", Network.Sequential([1, 4, 4], [new Reshape([16], "to_flat"), new Dense(2, name: "fc")]), new[] { 1, 8, 8 }, GlobalPoolingConversion.SlidingWindow,
            "Layer 'to_flat' (Reshape) cannot be converted to convolutions: it fixes the per-sample shape to (16)"],
        ["flat input", Network.Sequential([16], [new Dense(4, name: "fc")]), new[] { 1, 4, 4 }, GlobalPoolingConversion.SlidingWindow,
            "must be (C, H, W) with the same"],
        ["softmax", Network.Sequential([1, 6, 6], [new Conv2D(2, 3), new Flatten(), new Dense(3, Activation.Softmax, name: "probs")]), new[] { 1, 8, 8 }, GlobalPoolingConversion.SlidingWindow,
            "Layer 'probs' (Dense) cannot be converted to convolutions: its softmax works on flat [N, K] outputs only"],
        ["nonlinear after dropped pooling", Network.Sequential([1, 6, 6], [new Conv2D(2, 3), new GlobalAveragePool2D(name: "gap"), new Dense(3, Activation.Relu, name: "fc1"), new Dense(2)]), new[] { 1, 8, 8 }, GlobalPoolingConversion.ClassActivationMap,
            "Layer 'fc1' (Dense) cannot be converted to convolutions: its Relu activation follows the dropped global pooling 'gap'"],
        ["batch norm of flattened features", Network.Sequential([1, 6, 6], [new Conv2D(2, 3), new Flatten(), new BatchNorm(name: "bn1d"), new Dense(2)]), new[] { 1, 8, 8 }, GlobalPoolingConversion.SlidingWindow,
            "Layer 'bn1d' (BatchNorm) cannot be converted to convolutions: it normalizes each of the flattened C·H·W features"],
        ["ends in flatten", Network.Sequential([1, 6, 6], [new Conv2D(2, 3), new Flatten(name: "flat")]), new[] { 1, 8, 8 }, GlobalPoolingConversion.SlidingWindow,
            "Layer 'flat' (Flatten) cannot be converted to convolutions: the network's output is a flattened map"],
    ];

    [TestMethod]
    [DynamicData(nameof(Unconvertible))]
    public void Convert_UnconvertibleNetwork_ThrowsNamingTheLayer(string scenario, Network trained, int[] shape, GlobalPoolingConversion pooling, string expected)
    {
        var e = Assert.Throws<Exception>(() => FullyConvolutional.Convert(trained, shape, pooling), scenario);
        Assert.IsTrue(e is NotSupportedException or ArgumentException, $"{scenario}: {e.GetType().Name}");
        StringAssert.Contains(e.Message, expected, scenario);
    }

    [TestMethod]
    public void Convert_SmallerInputThanTheHeadNeeds_FailsNamingTheHead()
    {
        var e = Assert.ThrowsExactly<ShapeInferenceException>(() => FullyConvolutional.Convert(SeedCnn.Create([1, 28, 28], 10), [1, 20, 28]));
        StringAssert.Contains(e.Message, "dense_1");
    }
}
