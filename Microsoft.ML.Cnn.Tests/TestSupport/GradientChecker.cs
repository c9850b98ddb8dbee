// A JAX check_vjp-style gradient check: one random direction per input, compared with a central difference.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

/// <summary>
/// Checks an op's gradient rule and backward kernels on a backend. With random inputs x, random directions t
/// (differentiable inputs only) and the cotangent c = dL/dy that the loss feeds the op (see <see cref="OpRunner"/>),
/// it compares &lt;t, VJP(c)&gt; from the reverse pass with (&lt;c, f(x + eps t)&gt; - &lt;c, f(x - eps t)&gt;) / 2 eps,
/// accumulated in float64. One scalar per op keeps the check cheap, as JAX's check_vjp does.
/// </summary>
internal static class GradientChecker
{
    /// <summary>Float32 relative tolerance (JAX uses 2e-3 for float32 gradients).</summary>
    public const double DefaultTolerance = 2e-3;

    public static void Check(IBackend backend, Op op, IReadOnlyList<InputSpec> specs, long seed,
        double epsilon = 1e-3, double tolerance = DefaultTolerance)
    {
        var random = new SeededRandom(seed);
        float[][] x = specs.Select(s => s.Generate(random)).ToArray();
        using var runner = OpRunner.ForGradients(backend, op, specs);

        float[]? targets = null;
        if (runner.HasTargets)
        {
            targets = new float[runner.Plan.ShapeOf(runner.Node.Outputs[0]).ElementCount];
            for (int i = 0; i < targets.Length; i++) targets[i] = random.NextUniform(-1f, 1f);
        }
        runner.Run(x, targets);
        float[] y = runner.Output(0);
        double[] cotangent = new double[y.Length];
        for (int i = 0; i < y.Length; i++)
            cotangent[i] = targets is null ? 1.0 : 2.0 * ((double)y[i] - targets[i]) / y.Length; // MSE: dL/dy

        // <t, VJP(c)> and the size of its terms, which sets the scale of the tolerance.
        var directions = new float[specs.Count][];
        double vjp = 0, magnitude = 0;
        for (int i = 0; i < specs.Count; i++)
        {
            if (!specs[i].Differentiable) continue;
            directions[i] = new float[x[i].Length];
            for (int j = 0; j < x[i].Length; j++) directions[i][j] = random.NextUniform(-1f, 1f);
            float[] gradient = runner.Gradient(i);
            for (int j = 0; j < gradient.Length; j++)
            {
                vjp += (double)directions[i][j] * gradient[j];
                magnitude += Math.Abs((double)directions[i][j] * gradient[j]);
            }
        }
        Assert.IsTrue(magnitude > 0, $"{op.Name}: every gradient is zero, so the check could not fail; pick other inputs.");

        double plus = DotWithOutput(runner, x, directions, +epsilon, targets, cotangent);
        double minus = DotWithOutput(runner, x, directions, -epsilon, targets, cotangent);
        double finiteDifference = (plus - minus) / (2 * epsilon);

        double error = Math.Abs(vjp - finiteDifference);
        Assert.IsTrue(error <= tolerance * magnitude,
            $"{op.Name} on {backend.Name}: <t, VJP(c)> = {vjp:G9}, finite difference = {finiteDifference:G9}, " +
            $"|difference| {error:G3} > {tolerance} * {magnitude:G3} (sum of |t_i g_i|).");
    }

    /// <summary>&lt;c, f(x + step t)&gt; in float64.</summary>
    private static double DotWithOutput(OpRunner runner, float[][] x, float[][] directions, double step, float[]? targets, double[] cotangent)
    {
        var shifted = new float[x.Length][];
        for (int i = 0; i < x.Length; i++)
        {
            shifted[i] = (float[])x[i].Clone();
            if (directions[i] is null) continue;
            for (int j = 0; j < shifted[i].Length; j++) shifted[i][j] = (float)(x[i][j] + step * directions[i][j]);
        }
        runner.Run(shifted, targets);
        float[] y = runner.Output(0);
        double dot = 0;
        for (int i = 0; i < y.Length; i++) dot += cotangent[i] * y[i];
        return dot;
    }
}
