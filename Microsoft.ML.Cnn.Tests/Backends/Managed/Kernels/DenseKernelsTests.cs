// Dense forward and backward kernels through the managed backend against naive loops.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

[TestClass]
public sealed class DenseKernelsTests
{
    [TestMethod]
    [DataRow(1, 7, 3, true)]
    [DataRow(3, 33, 10, false)]
    [DataRow(130, 45, 17, true)]
    [DataRow(5, 200, 70, true)]
    public void Dense_Shapes_MatchNaiveLoops(int batch, int features, int units, bool hasBias)
    {
        var random = new SeededRandom(21);
        Shape xShape = new(batch, features), wShape = new(units, features), yShape = new(batch, units);
        var x = KernelRunner.Random(random, xShape);
        var w = KernelRunner.Random(random, wShape);
        var b = KernelRunner.Random(random, new(units));
        var dy = KernelRunner.Random(random, yShape);
        var y = new float[batch * units];
        var dx = new float[batch * features];
        var dw = new float[units * features];
        var db = new float[units];
        for (int n = 0; n < batch; n++)
            for (int u = 0; u < units; u++)
            {
                double sum = hasBias ? b[u] : 0;
                for (int f = 0; f < features; f++) sum += (double)x[n * features + f] * w[u * features + f];
                y[n * units + u] = (float)sum;
                db[u] += dy[n * units + u];
            }
        for (int n = 0; n < batch; n++)
            for (int f = 0; f < features; f++)
            {
                double sum = 0;
                for (int u = 0; u < units; u++) sum += (double)dy[n * units + u] * w[u * features + f];
                dx[n * features + f] = (float)sum;
            }
        for (int u = 0; u < units; u++)
            for (int f = 0; f < features; f++)
            {
                double sum = 0;
                for (int n = 0; n < batch; n++) sum += (double)dy[n * units + u] * x[n * features + f];
                dw[u * features + f] = (float)sum;
            }

        var forward = hasBias
            ? KernelRunner.Run(new Dense(true), [xShape, wShape, new(units)], [x, w, b])
            : KernelRunner.Run(new Dense(false), [xShape, wShape], [x, w]);
        var backwardData = KernelRunner.Run(new DenseBackwardData(), [yShape, wShape], [dy, w]);
        var backwardWeights = KernelRunner.Run(new DenseBackwardWeights(hasBias), [xShape, yShape], [x, dy]);

        KernelRunner.AssertClose(y, forward[0], 1e-4f, "y");
        KernelRunner.AssertClose(dx, backwardData[0], 1e-4f, "dx");
        KernelRunner.AssertClose(dw, backwardWeights[0], 1e-3f, "dw");
        Assert.HasCount(hasBias ? 2 : 1, backwardWeights);
        if (hasBias) KernelRunner.AssertClose(db, backwardWeights[1], 1e-3f, "db");
    }

}
