// Loss kernels' handling of bad labels and all-zero weights.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Tests.TestSupport;
using static Microsoft.ML.Cnn.Tests.TestSupport.InputSpec;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class LossKernelsTests
{
    private static readonly InputSpec[] Specs = [X(2, 5), Labels(2, 5)];
    private static readonly float[] Logits = [1, 2, 3, 4, 5, 5, 4, 3, 2, 1];

    [TestMethod]
    [DataRow(7f)]
    [DataRow(-1f)]
    [DataRow(1.5f)]
    public void SoftmaxCrossEntropy_LabelNotAClassIndex_ThrowsNamingLabelAndClassCount(float label)
    {
        using var backend = new ManagedBackend(threads: 2);
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => OpRunner.Evaluate(backend, new SoftmaxCrossEntropy(), Specs, [Logits, [0f, label]]));
        StringAssert.Contains(e.Message, $"Label {label.ToString(System.Globalization.CultureInfo.InvariantCulture)} of sample 1");
        StringAssert.Contains(e.Message, "with 5 classes");
    }

    [TestMethod]
    public void SoftmaxCrossEntropy_AllSampleWeightsZero_LossIsZero()
    {
        using var backend = new ManagedBackend(threads: 1);
        float[] loss = OpRunner.Evaluate(backend, new SoftmaxCrossEntropy(), [.. Specs, InputSpec.Data(0f, 1f, 2)], [Logits, [1f, 2f], [0f, 0f]])[0];
        Assert.AreEqual(0f, loss[0]);
    }

    [TestMethod]
    public void SoftmaxCrossEntropy_UniformLogits_IsLogOfClassCount()
    {
        using var backend = new ManagedBackend(threads: 1);
        float[] loss = OpRunner.Evaluate(backend, new SoftmaxCrossEntropy(), Specs, [new float[10], [0f, 4f]])[0];
        Assert.AreEqual(MathF.Log(5), loss[0], 1e-6);
    }
}
