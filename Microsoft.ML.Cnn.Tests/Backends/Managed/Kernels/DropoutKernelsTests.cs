// Dropout's mask stream: values, rate, reproducibility, advancing per run, and its gradient.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Ops;
using Microsoft.ML.Cnn.Tests.TestSupport;
using static Microsoft.ML.Cnn.Tests.TestSupport.InputSpec;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class DropoutKernelsTests
{
    private static readonly InputSpec[] Specs = [X(8, 512)];
    private static readonly float[] Ones = Enumerable.Repeat(1f, 8 * 512).ToArray();

    [TestMethod]
    public void Dropout_Rate025_MaskIsZeroOrInverseKeepWithMatchingFraction()
    {
        using var backend = new ManagedBackend(threads: 2);
        float[][] outputs = OpRunner.Evaluate(backend, new Dropout(0.25f, 11), Specs, [Ones]);
        float[] mask = outputs[1];
        Assert.IsTrue(mask.All(m => m == 0f || m == 1f / 0.75f), "mask values are 0 or 1/(1-rate)");
        Assert.AreEqual(0.25, mask.Count(m => m == 0f) / (double)mask.Length, 0.02);
        CollectionAssert.AreEqual(mask, outputs[0], "y = x * mask with x = 1");
    }

    [TestMethod]
    public void Dropout_ConsecutiveRuns_DrawNewMasksAndReproduceAfterRecompile()
    {
        using var backend = new ManagedBackend(threads: 2);
        using var first = OpRunner.ForForward(backend, new Dropout(0.5f, 3), Specs);
        first.Run([Ones]);
        float[] step1 = first.Output(1);
        first.Run([Ones]);
        float[] step2 = first.Output(1);
        using var again = OpRunner.ForForward(backend, new Dropout(0.5f, 3), Specs);
        again.Run([Ones]);

        CollectionAssert.AreNotEqual(step1, step2);
        CollectionAssert.AreEqual(step1, again.Output(1));
    }

    [TestMethod]
    public void Dropout_Gradient_IsMaskTimesOutputGradient()
    {
        using var backend = new ManagedBackend(threads: 1);
        using var runner = OpRunner.ForGradients(backend, new Dropout(0.5f, 5), [X(4, 6)]);
        var x = Enumerable.Range(0, 24).Select(i => i * 0.1f - 1f).ToArray();
        var targets = new float[24];
        runner.Run([x], targets);
        float[] y = runner.Output(0), mask = runner.Output(1), dx = runner.Gradient(0);
        for (int i = 0; i < 24; i++)
            Assert.AreEqual(mask[i] * 2f * y[i] / 24f, dx[i], 1e-6, $"dx[{i}] = mask * dL/dy with L = mean(y^2)");
    }
}
