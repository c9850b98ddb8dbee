// SafeHandle lifetimes: disposing releases the native object exactly once, and a failed call names itself.
using Microsoft.ML.Cnn.Backends.OneDnn.Native;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Backends.OneDnn.Native;

[TestClass]
public sealed class DnnlHandlesTests
{
    [TestMethod]
    public void Dispose_AttributeHandle_ReleasesOnce()
    {
        TestBackends.CreateOneDnn().Dispose();
        DnnlCheck.Check(Dnnl.dnnl_primitive_attr_create(out var attr), "test");
        long before = DnnlHandle.ReleasedCount;

        attr.Dispose();
        attr.Dispose();

        Assert.IsTrue(attr.IsClosed);
        Assert.AreEqual(before + 1, DnnlHandle.ReleasedCount);
    }

    [TestMethod]
    public void Dispose_Backend_ReleasesEveryHandleItCreated()
    {
        long before = DnnlHandle.ReleasedCount;
        int created;
        using (var backend = TestBackends.CreateOneDnn())
        {
            using var runner = OpRunner.ForGradients(backend, new Cnn.Ops.Conv2D(new Cnn.Ops.Conv2DGeometry(3, 3, 1, 1, default, 1, 1, 1), true),
                [InputSpec.X(2, 3, 6, 6), InputSpec.Weight(4, 3, 3, 3), InputSpec.Weight(4)]);
            created = backend.PrimitivesCreated;
        }

        // Each primitive is a descriptor and a primitive handle; engine, stream, attributes and memory objects come on top.
        Assert.IsGreaterThanOrEqualTo(before + 2 * created + 3, DnnlHandle.ReleasedCount);
    }

    [TestMethod]
    public unsafe void Check_InvalidDescriptor_NamesTheCallAndTheOp()
    {
        TestBackends.CreateOneDnn().Dispose();
        // A 4-D source with 2-D weights is not a convolution.
        var src = DnnlMemoryDescs.Create([2, 3, 6, 6], DnnlFormatTag.Any, "test");
        var weights = DnnlMemoryDescs.Create([4, 3], DnnlFormatTag.Any, "test");
        var dst = DnnlMemoryDescs.Create([2, 4, 4, 4], DnnlFormatTag.Any, "test");
        var window = new DnnlWindow([1, 1], [3, 3], [0, 0], [0, 0], [0, 0]);

        var error = Assert.ThrowsExactly<DnnlException>(() =>
            DnnlOpDescriptors.ConvolutionForward("compiling the test conv", DnnlPropKind.ForwardTraining, src, weights, null, dst, window));

        Assert.AreEqual("dnnl_dilated_convolution_forward_desc_init", error.Call);
        Assert.Contains("dnnl_invalid_arguments", error.Message);
        Assert.Contains("compiling the test conv", error.Message);
    }
}
