// Each layer's ONNX nodes (op types, wiring, attributes, initializer shapes), and the table's completeness: every op
// is exported or says why it cannot be.
using System.Runtime.CompilerServices;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Onnx;
using CnnOps = Microsoft.ML.Cnn.Ops;
using Cnn = Microsoft.ML.Cnn;

namespace Microsoft.ML.Cnn.Tests.Onnx;

[TestClass]
public sealed class OnnxOpTableTests
{
    internal static OnnxGraph Export(int[] inputShape, params Layer[] layers) =>
        OnnxExporter.CreateModel(Network.Sequential(inputShape, layers, seed: 1), new OnnxExportOptions()).Graph;

    private static string[] OpTypes(OnnxGraph graph) => [.. graph.Nodes.Select(n => n.OpType)];

    private static long[] Ints(OnnxNode node, string name) => [.. node.Attribute(name)!.Ints];

    private static long[] Dims(OnnxGraph graph, string initializer) => [.. graph.Initializers.Single(t => t.Name == initializer).Dims];

    [TestMethod]
    public void Emit_Conv2DWithStridePaddingDilationGroupsAndActivation_ConvThenActivationNode()
    {
        var graph = Export([2, 9, 9], new Conv2D(4, (3, 2), stride: (2, 1), padding: Padding.Explicit(1, 2, 0, 3), dilation: (2, 1), groups: 2,
            activation: Activation.LeakyRelu, name: "conv"));

        CollectionAssert.AreEqual(new[] { "Conv", "LeakyRelu" }, OpTypes(graph));
        var conv = graph.Nodes[0];
        CollectionAssert.AreEqual(new[] { "input", "conv.weight", "conv.bias" }, conv.Inputs.ToArray());
        CollectionAssert.AreEqual(new long[] { 3, 2 }, Ints(conv, "kernel_shape"));
        CollectionAssert.AreEqual(new long[] { 2, 1 }, Ints(conv, "strides"));
        CollectionAssert.AreEqual(new long[] { 1, 0, 2, 3 }, Ints(conv, "pads")); // top, left, bottom, right
        CollectionAssert.AreEqual(new long[] { 2, 1 }, Ints(conv, "dilations"));
        Assert.AreEqual(2L, conv.Attribute("group")!.Int);
        CollectionAssert.AreEqual(new long[] { 4, 1, 3, 2 }, Dims(graph, "conv.weight"));
        Assert.AreEqual(conv.Outputs[0], graph.Nodes[1].Inputs[0]);
        Assert.AreEqual(0.01f, graph.Nodes[1].Attribute("alpha")!.Float);
    }

    [TestMethod]
    public void Emit_Conv2DSamePaddingWithoutBias_ResolvedPadsAndTwoInputs()
    {
        var graph = Export([1, 6, 6], new Conv2D(2, 4, stride: 2, padding: Padding.Same, useBias: false, name: "conv"));

        var conv = graph.Nodes.Single();
        CollectionAssert.AreEqual(new[] { "input", "conv.weight" }, conv.Inputs.ToArray());
        CollectionAssert.AreEqual(new long[] { 1, 1, 1, 1 }, Ints(conv, "pads")); // total 2 per axis: out = 3, (3-1)*2 + 4 - 6
    }

    [TestMethod]
    public void Emit_DepthwiseConv2D_ConvWithOneGroupPerChannel()
    {
        var graph = Export([3, 5, 5], new DepthwiseConv2D(3, depthMultiplier: 2, name: "dw"));

        Assert.AreEqual(3L, graph.Nodes.Single().Attribute("group")!.Int);
        CollectionAssert.AreEqual(new long[] { 6, 1, 3, 3 }, Dims(graph, "dw.weight"));
    }

    [TestMethod]
    public void Emit_DenseWithActivation_GemmTransposingTheWeightThenActivation()
    {
        var graph = Export([5], new Dense(3, Activation.Elu, name: "fc"));

        CollectionAssert.AreEqual(new[] { "Gemm", "Elu" }, OpTypes(graph));
        Assert.AreEqual(1L, graph.Nodes[0].Attribute("transB")!.Int);
        CollectionAssert.AreEqual(new long[] { 3, 5 }, Dims(graph, "fc.weight"));
        CollectionAssert.AreEqual(new long[] { 3 }, Dims(graph, "fc.bias"));
        Assert.AreEqual(1f, graph.Nodes[1].Attribute("alpha")!.Float);
    }

    [TestMethod]
    public void Emit_DenseWithoutBias_GemmOfTwoInputs()
    {
        var graph = Export([5], new Dense(3, useBias: false, name: "fc"));
        CollectionAssert.AreEqual(new[] { "input", "fc.weight" }, graph.Nodes.Single().Inputs.ToArray());
    }

    [TestMethod]
    public void Emit_MaxPool2DSamePadding_MaxPoolWithKernelStridesAndPads()
    {
        var graph = Export([1, 5, 5], new MaxPool2D(2, stride: 2, padding: Padding.Same));

        var pool = graph.Nodes.Single();
        Assert.AreEqual("MaxPool", pool.OpType);
        CollectionAssert.AreEqual(new long[] { 2, 2 }, Ints(pool, "kernel_shape"));
        CollectionAssert.AreEqual(new long[] { 2, 2 }, Ints(pool, "strides"));
        CollectionAssert.AreEqual(new long[] { 0, 0, 1, 1 }, Ints(pool, "pads"));
    }

    [TestMethod]
    public void Emit_MaxPool2DCeilMode_MaxPoolWithTheExtraPadsAtTheEnd()
    {
        var graph = Export([1, 8, 9], new MaxPool2D(3, stride: 2, padding: Padding.Explicit(1), ceilMode: true));

        var pool = graph.Nodes.Single();
        Assert.AreEqual("MaxPool", pool.OpType);
        CollectionAssert.AreEqual(new long[] { 1, 1, 2, 1 }, Ints(pool, "pads")); // height 8: 4 -> 5 windows; width 9: 5 either way
        Assert.IsNull(pool.Attribute("ceil_mode"));
    }

    [TestMethod]
    public void Emit_L2Pool2D_LpPoolWithPTwo()
    {
        var graph = Export([2, 6, 7], new L2Pool2D((3, 2), stride: (2, 1), padding: Padding.Explicit(1, 0, 0, 1)));

        var pool = graph.Nodes.Single();
        Assert.AreEqual("LpPool", pool.OpType);
        Assert.AreEqual(2L, pool.Attribute("p")!.Int);
        CollectionAssert.AreEqual(new long[] { 3, 2 }, Ints(pool, "kernel_shape"));
        CollectionAssert.AreEqual(new long[] { 2, 1 }, Ints(pool, "strides"));
        CollectionAssert.AreEqual(new long[] { 1, 0, 0, 1 }, Ints(pool, "pads"));
    }

    [TestMethod]
    public void Emit_LocalResponseNormOddSize_LrnNodeWithPyTorchsConstants()
    {
        var graph = Export([8, 3, 3], new LocalResponseNorm(5, 5e-4f, 0.75f, 2f));

        var lrn = graph.Nodes.Single();
        Assert.AreEqual("LRN", lrn.OpType);
        Assert.AreEqual(5L, lrn.Attribute("size")!.Int);
        Assert.AreEqual(5e-4f, lrn.Attribute("alpha")!.Float); // both divide alpha by size
        Assert.AreEqual(0.75f, lrn.Attribute("beta")!.Float);
        Assert.AreEqual(2f, lrn.Attribute("bias")!.Float);
    }

    [TestMethod]
    public void Emit_LocalResponseNormEvenSize_WindowMeanByAveragePoolOverChannels()
    {
        var graph = Export([8, 3, 3], new LocalResponseNorm(4, 1e-3f, 0.5f, 1.5f, name: "lrn"));

        CollectionAssert.AreEqual(new[] { "Mul", "Unsqueeze", "AveragePool", "Squeeze", "Mul", "Add", "Pow", "Div" }, OpTypes(graph));
        var pool = graph.Nodes[2];
        CollectionAssert.AreEqual(new long[] { 4, 1, 1 }, Ints(pool, "kernel_shape"));
        CollectionAssert.AreEqual(new long[] { 2, 0, 0, 1, 0, 0 }, Ints(pool, "pads")); // PyTorch: size/2 channels before, (size-1)/2 after
        Assert.AreEqual(1L, pool.Attribute("count_include_pad")!.Int);
        CollectionAssert.AreEqual(new[] { "input", "input" }, graph.Nodes[0].Inputs.ToArray());
        Assert.AreEqual("input", graph.Nodes[^1].Inputs[0]);
        float Scalar(string name) => graph.Initializers.Single(t => t.Name == name).FloatValues().Single();
        Assert.AreEqual((1e-3f, 1.5f, 0.5f), (Scalar("lrn.alpha"), Scalar("lrn.k"), Scalar("lrn.beta")));
    }

    [TestMethod]
    [DataRow(true, 1L)]
    [DataRow(false, 0L)]
    public void Emit_AvgPool2D_AveragePoolWithCountIncludePad(bool countIncludesPadding, long expected)
    {
        var graph = Export([1, 6, 6], new AvgPool2D(3, stride: 2, padding: Padding.Explicit(1), countIncludesPadding: countIncludesPadding));

        var pool = graph.Nodes.Single();
        Assert.AreEqual("AveragePool", pool.OpType);
        Assert.AreEqual(expected, pool.Attribute("count_include_pad")!.Int);
        CollectionAssert.AreEqual(new long[] { 1, 1, 1, 1 }, Ints(pool, "pads"));
    }

    [TestMethod]
    public void Emit_GlobalAveragePool2D_GlobalAveragePoolThenFlattenToBatchByChannels()
    {
        var graph = Export([4, 3, 3], new GlobalAveragePool2D());

        CollectionAssert.AreEqual(new[] { "GlobalAveragePool", "Flatten" }, OpTypes(graph));
        Assert.AreEqual(graph.Nodes[0].Outputs[0], graph.Nodes[1].Inputs[0]);
        Assert.AreEqual(1L, graph.Nodes[1].Attribute("axis")!.Int);
    }

    [TestMethod]
    [DataRow(new[] { 3, 4, 4 })]
    [DataRow(new[] { 3 })]
    public void Emit_BatchNorm_BatchNormalizationOnRunningStatistics(int[] inputShape)
    {
        var graph = Export(inputShape, new BatchNorm(epsilon: 1e-3f, name: "bn"));

        var bn = graph.Nodes.Single();
        Assert.AreEqual("BatchNormalization", bn.OpType);
        CollectionAssert.AreEqual(new[] { "input", "bn.gamma", "bn.beta", "bn.running_mean", "bn.running_variance" }, bn.Inputs.ToArray());
        Assert.AreEqual(1e-3f, bn.Attribute("epsilon")!.Float);
        Assert.AreEqual(1, bn.Outputs.Count);
    }

    public static IEnumerable<object[]> ActivationLayers =>
    [
        [new ReLU(), "Relu", float.NaN],
        [new LeakyReLU(0.2f), "LeakyRelu", 0.2f],
        [new ELU(0.5f), "Elu", 0.5f],
        [new Sigmoid(), "Sigmoid", float.NaN],
        [new Tanh(), "Tanh", float.NaN],
    ];

    [TestMethod]
    [DynamicData(nameof(ActivationLayers))]
    public void Emit_ActivationLayer_OneNodeWithItsAlpha(Layer layer, string opType, float alpha)
    {
        var node = Export([2, 3, 3], layer).Nodes.Single();

        Assert.AreEqual(opType, node.OpType);
        if (float.IsNaN(alpha)) Assert.IsNull(node.Attribute("alpha"));
        else Assert.AreEqual(alpha, node.Attribute("alpha")!.Float);
    }

    [TestMethod]
    public void Emit_SoftmaxLayerAndFusedSoftmax_SoftmaxOverAxis1()
    {
        var graph = Export([4], new Dense(3, Activation.Softmax), new Softmax());

        CollectionAssert.AreEqual(new[] { "Gemm", "Softmax", "Softmax" }, OpTypes(graph));
        Assert.IsTrue(graph.Nodes.Skip(1).All(n => n.Attribute("axis")!.Int == 1));
    }

    [TestMethod]
    public void Emit_Flatten_FlattenFromAxis1()
    {
        var node = Export([2, 3, 4], new Flatten()).Nodes.Single();
        Assert.AreEqual("Flatten", node.OpType);
        Assert.AreEqual(1L, node.Attribute("axis")!.Int);
    }

    [TestMethod]
    public void Emit_ReshapeToImage_ReshapeCopyingTheBatchDimension()
    {
        var graph = Export([12], new Reshape([3, 2, 2], "to_image"));

        var node = graph.Nodes.Single();
        Assert.AreEqual("Reshape", node.OpType);
        var shape = graph.Initializers.Single(t => t.Name == node.Inputs[1]);
        CollectionAssert.AreEqual(new long[] { 0, 3, 2, 2 }, shape.Int64Values());
        Assert.AreEqual("to_image.shape", shape.Name);
    }

    [TestMethod]
    public void Emit_Dropout_NoNodeAndTheNeighboursJoined()
    {
        var graph = Export([4], new Dense(3, name: "a"), new Dropout(0.5f), new Dense(2, name: "b"));

        CollectionAssert.AreEqual(new[] { "Gemm", "Gemm" }, OpTypes(graph));
        Assert.AreEqual(graph.Nodes[0].Outputs[0], graph.Nodes[1].Inputs[0]);
    }

    [TestMethod]
    public void Emit_AddAndConcatOfBranches_AddThenConcatOverChannels()
    {
        var input = Network.Input(2, 4, 4);
        var left = new Conv2D(2, 1, name: "left").Call(input);
        var right = new Conv2D(2, 1, name: "right").Call(input);
        var sum = new Add(name: "sum").Call(left, right, input);
        var joined = new Concat(name: "join").Call(sum, left);
        var graph = OnnxExporter.CreateModel(new Network(input, joined), new OnnxExportOptions()).Graph;

        CollectionAssert.AreEqual(new[] { "Conv", "Conv", "Add", "Add", "Concat" }, OpTypes(graph));
        Assert.AreEqual("sum/Add", graph.Nodes[2].Name);
        Assert.AreEqual("sum/Add_1", graph.Nodes[3].Name);
        CollectionAssert.AreEqual(new[] { graph.Nodes[3].Outputs[0], graph.Nodes[0].Outputs[0] }, graph.Nodes[4].Inputs.ToArray());
        Assert.AreEqual(1L, graph.Nodes[4].Attribute("axis")!.Int);
    }

    /// <summary>The op types a test above exports; with the ones that give a reason, they must be every op there is.</summary>
    private static readonly Type[] Exported =
    [
        typeof(CnnOps.Placeholder), typeof(CnnOps.ParameterRead), typeof(CnnOps.Conv2D), typeof(CnnOps.Dense), typeof(CnnOps.MaxPool2D), typeof(CnnOps.AvgPool2D),
        typeof(CnnOps.GlobalAvgPool), typeof(CnnOps.BatchNormInference), typeof(CnnOps.Eltwise), typeof(CnnOps.Softmax), typeof(CnnOps.Add), typeof(CnnOps.Concat), typeof(CnnOps.Reshape),
        typeof(CnnOps.L2Pool2D), typeof(CnnOps.LocalResponseNorm),
    ];

    [TestMethod]
    public void WhyNotExportable_EveryOp_IsExportedOrGivesAReason()
    {
        var ops = typeof(CnnOps.Op).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CnnOps.Op)) && !t.IsAbstract).ToArray();

        foreach (var type in ops)
        {
            var op = (CnnOps.Op)RuntimeHelpers.GetUninitializedObject(type);
            string? reason = OnnxOpTable.WhyNotExportable(op);
            Assert.AreNotEqual(Exported.Contains(type), reason is not null, $"{type.Name}: exported = {Exported.Contains(type)}, reason = {reason ?? "none"}");
        }
        Assert.IsTrue(ops.Length > Exported.Length, "the op scan found the ops");
    }

    [TestMethod]
    public void Emit_CompositeLayerOfMappedOps_Exports()
    {
        var graph = Export([1, 4, 4], new ConvRelu("block"));
        CollectionAssert.AreEqual(new[] { "Conv", "Relu" }, OpTypes(graph));
    }

    [TestMethod]
    public void Emit_LayerWithAGradientOp_FailsNamingTheLayerAndWhy()
    {
        var e = Assert.ThrowsExactly<NotSupportedException>(() => Export([4, 2, 2], new FirstChannels("slicer")));

        StringAssert.Contains(e.Message, "Layer 'slicer' (FirstChannels)");
        StringAssert.Contains(e.Message, "SliceAxis1");
        StringAssert.Contains(e.Message, "gradient op");
    }

    [TestMethod]
    public void Emit_LayerWithAnOpOfItsOwn_FailsNamingTheLayer()
    {
        var e = Assert.ThrowsExactly<NotSupportedException>(() => Export([3], new Doubling("twice")));

        StringAssert.Contains(e.Message, "Layer 'twice' (Doubling)");
        StringAssert.Contains(e.Message, "not in the ONNX export table");
        StringAssert.Contains(e.Message, "Conv2D, Dense");
    }

    /// <summary>A user layer built from ops the table maps.</summary>
    private sealed class ConvRelu(string name) : Layer(name)
    {
        private Parameter? _weight;

        public override string TypeName => "ConvRelu";

        protected override void Build(IReadOnlyList<Shape> inputShapes) =>
            _weight = AddParameter("weight", new Shape(2, inputShapes[0][1], 1, 1), ParameterRole.Weight, new Cnn.Initializers.GlorotUniform());

        protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs)
        {
            var y = context.Emit(new CnnOps.Conv2D(new CnnOps.Conv2DGeometry(1, 1, 1, 1, CnnOps.Padding2D.None, 1, 1, 1), false), inputs[0], context.Read(_weight!));
            return context.Emit(new CnnOps.Eltwise(CnnOps.EltwiseFunction.Relu), y);
        }
    }

    /// <summary>A user layer emitting a gradient op in inference graphs.</summary>
    private sealed class FirstChannels(string name) : Layer(name)
    {
        public override string TypeName => "FirstChannels";

        protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) => context.Emit(new CnnOps.SliceAxis1(0, 2), inputs[0]);
    }

    /// <summary>A user layer with an op the exporter cannot know.</summary>
    private sealed class Doubling(string name) : Layer(name)
    {
        public override string TypeName => "Doubling";

        protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) => context.Emit(new DoubleOp(), inputs[0]);
    }

    private sealed record DoubleOp : CnnOps.Op
    {
        public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs) => [inputs[0]];

        public override IReadOnlyList<Value?> Gradient(Cnn.Autodiff.GradientContext context) => [context.OutputGradient()];
    }
}
