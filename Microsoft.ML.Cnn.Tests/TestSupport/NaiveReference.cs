// Straightforward nested-loop definitions of every forward op, written from the op docs and independent of
// the kernels: the expected values of the table-driven forward tests.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal static class NaiveReference
{
    /// <summary>All outputs of <paramref name="op"/> for inputs of these concrete shapes.</summary>
    public static float[][] Evaluate(Op op, Shape[] shapes, float[][] x) => op switch
    {
        Reshape => [(float[])x[0].Clone()],
        Add => [Map2(x[0], x[1], (a, b) => a + b)],
        MaskMultiply => [Map2(x[0], x[1], (m, v) => m * v)],
        Concat => [ConcatAxis1(shapes, x)],
        SliceAxis1 s => [Slice(shapes[0], x[0], s.Start, s.Length)],
        Eltwise e => [Map(x[0], v => Activation(e.Function, e.Alpha, v))],
        Dropout d => Dropout(d, shapes[0], x[0]),
        Conv2D c => [NaiveConvolution.Conv2D(c, shapes, x)],
        Dense d => [NaiveConvolution.Dense(d, shapes, x)],
        MaxPool2D p => [NaivePooling.MaxPool(p.Geometry, shapes[0], x[0])],
        AvgPool2D p => [NaivePooling.AvgPool(p.Geometry, p.CountIncludesPadding, shapes[0], x[0])],
        L2Pool2D p => [NaivePooling.L2Pool(p.Geometry, shapes[0], x[0])],
        GlobalAvgPool => [NaivePooling.GlobalAvgPool(shapes[0], x[0])],
        LocalResponseNorm lrn => [NaiveNormalization.LocalResponseNorm(lrn, shapes[0], x[0])],
        Softmax => [NaiveNormalization.Softmax(shapes[0], x[0])],
        BatchNormTraining bn => NaiveNormalization.BatchNormTraining(bn.Epsilon, shapes[0], x),
        BatchNormInference bn => [NaiveNormalization.BatchNormInference(bn.Epsilon, shapes[0], x)],
        SoftmaxCrossEntropy l => [NaiveLosses.SoftmaxCrossEntropy(l, shapes[0], x)],
        SigmoidCrossEntropy => [NaiveLosses.SigmoidCrossEntropy(shapes[0], x)],
        MeanSquaredError => [NaiveLosses.MeanSquaredError(shapes[0], x)],
        _ => throw new NotSupportedException($"NaiveReference has no definition of {op.Name}; add one."),
    };

    /// <summary>Row-major index of [a, b, c, d] in a rank-4 shape.</summary>
    public static int At(Shape s, int a, int b, int c, int d) => ((a * s[1] + b) * s[2] + c) * s[3] + d;

    private static double Activation(EltwiseFunction function, float alpha, double v) => function switch
    {
        EltwiseFunction.Relu => Math.Max(v, 0),
        EltwiseFunction.LeakyRelu => v > 0 ? v : alpha * v,
        EltwiseFunction.Elu => v > 0 ? v : alpha * (Math.Exp(v) - 1),
        EltwiseFunction.Sigmoid => 1 / (1 + Math.Exp(-v)),
        EltwiseFunction.Tanh => Math.Tanh(v),
        _ => throw new NotSupportedException(function.ToString()),
    };

    private static float[] ConcatAxis1(Shape[] shapes, float[][] x)
    {
        int batch = shapes[0][0], inner = shapes[0].SampleSize / shapes[0][1];
        int channels = shapes.Sum(s => s[1]);
        var y = new float[batch * channels * inner];
        for (int n = 0; n < batch; n++)
        {
            int outChannel = 0;
            for (int i = 0; i < x.Length; i++)
                for (int c = 0; c < shapes[i][1]; c++, outChannel++)
                    for (int k = 0; k < inner; k++)
                        y[(n * channels + outChannel) * inner + k] = x[i][(n * shapes[i][1] + c) * inner + k];
        }
        return y;
    }

    private static float[] Slice(Shape shape, float[] x, int start, int length)
    {
        int batch = shape[0], channels = shape[1], inner = shape.SampleSize / channels;
        var y = new float[batch * length * inner];
        for (int n = 0; n < batch; n++)
            for (int c = 0; c < length; c++)
                for (int k = 0; k < inner; k++)
                    y[(n * length + c) * inner + k] = x[(n * channels + start + c) * inner + k];
        return y;
    }

    /// <summary>The documented mask stream: SeededRandom.ForStream(seed, batch), one draw per element in order.</summary>
    private static float[][] Dropout(Dropout d, Shape shape, float[] x)
    {
        var random = SeededRandom.ForStream(d.Seed, shape[0]);
        var mask = new float[x.Length];
        for (int i = 0; i < mask.Length; i++) mask[i] = random.NextFloat() < d.Rate ? 0f : 1f / (1f - d.Rate);
        return [Map2(mask, x, (m, v) => m * v), mask];
    }

    private static float[] Map(float[] x, Func<double, double> f) => x.Select(v => (float)f(v)).ToArray();

    private static float[] Map2(float[] a, float[] b, Func<double, double, double> f) => a.Select((v, i) => (float)f(v, b[i])).ToArray();
}
