// The affine input steps as Sub and Mul nodes with broadcast initializers, and the shapes they refuse.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Onnx;

namespace Microsoft.ML.Cnn.Tests.Onnx;

[TestClass]
public sealed class OnnxInputTransformLoweringTests
{
    private static readonly Shape Image = new(3, 4, 4);

    private static (OnnxGraphBuilder Builder, string Output) Emit(OnnxInputTransform transform)
    {
        var builder = new OnnxGraphBuilder();
        string input = builder.Claim("x");
        return (builder, OnnxInputTransformLowering.Emit(builder, transform, input, Image));
    }

    [TestMethod]
    public void Emit_PerChannelOffsetAndScale_SubThenMulOfChannelInitializers()
    {
        var (builder, output) = Emit(new OnnxInputTransform("norm", [3, 1, 1], [0.5f, 0.4f, 0.3f], [2f, 3f, 4f]));

        CollectionAssert.AreEqual(new[] { "Sub", "Mul" }, builder.Nodes.Select(n => n.OpType).ToArray());
        CollectionAssert.AreEqual(new[] { "x", "norm.offset" }, builder.Nodes[0].Inputs.ToArray());
        CollectionAssert.AreEqual(new[] { builder.Nodes[0].Outputs[0], "norm.scale" }, builder.Nodes[1].Inputs.ToArray());
        Assert.AreEqual(builder.Nodes[1].Outputs[0], output);
        CollectionAssert.AreEqual(new long[] { 3, 1, 1 }, builder.Initializers[0].Dims.ToArray());
        CollectionAssert.AreEqual(new[] { 2f, 3f, 4f }, builder.Initializers[1].FloatValues());
    }

    [TestMethod]
    public void Emit_ZeroOffset_OnlyMul()
    {
        var (builder, _) = Emit(new OnnxInputTransform("pixels", [], [0f], [1f / 255]));
        Assert.AreEqual("Mul", builder.Nodes.Single().OpType);
        Assert.AreEqual(0, builder.Initializers.Single().Dims.Count);
    }

    [TestMethod]
    public void Emit_UnitScale_OnlySub()
    {
        var (builder, _) = Emit(new OnnxInputTransform("center", [4], [1f, 2f, 3f, 4f], [1f, 1f, 1f, 1f]));
        Assert.AreEqual("Sub", builder.Nodes.Single().OpType);
    }

    [TestMethod]
    public void Emit_Identity_NoNodeAndTheInputPassesThrough()
    {
        var (builder, output) = Emit(new OnnxInputTransform("nothing", [], [0f], [1f]));
        Assert.IsEmpty(builder.Nodes);
        Assert.AreEqual("x", output);
    }

    public static IEnumerable<object[]> Refused =>
    [
        [new OnnxInputTransform("t", [4, 1, 1], new float[4], new float[4]), "do not broadcast"],
        [new OnnxInputTransform("t", [1, 3, 4, 4], new float[48], new float[48]), "more than the input's 3"],
        [new OnnxInputTransform("t", [3, 1, 1], new float[3], new float[2]), "3 offsets and 2 scales"],
        [new OnnxInputTransform("t", [], [float.NaN], [1f]), "not finite"],
        [new OnnxInputTransform(" ", [], [0f], [1f]), "needs a name"],
    ];

    [TestMethod]
    [DynamicData(nameof(Refused))]
    public void Validate_BadTransform_FailsSayingWhy(OnnxInputTransform transform, string reason)
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => OnnxInputTransformLowering.Validate(transform, Image));
        StringAssert.Contains(e.Message, reason);
    }
}
