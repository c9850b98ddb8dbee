// Checks shared by the full-size preset tests: layer output shapes, trainable counts, and one forward pass.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal static class PresetChecks
{
    /// <summary>The per-sample output shape of the layer named <paramref name="layerName"/>, e.g. (96, 55, 55).</summary>
    public static Shape OutputOf(Network network, string layerName) =>
        network.Applications.Single(a => a.Layer?.Name == layerName).Shape.SampleShape;

    /// <summary>Parameters the optimizer updates (running statistics excluded), as torchvision's model.parameters() counts.</summary>
    public static long TrainableCount(Network network) => network.Summary().TrainableParameters;

    /// <summary>
    /// Runs <paramref name="count"/> random images (1, or 3 and more with the last repeating the first) through the
    /// default (managed) backend in inference mode and checks the logits: the output shape, finite values not all zero,
    /// and for 3 and more that the repeated image gives the same row and a different image a different one.
    /// </summary>
    public static void ForwardPassIsSane(Network network, int count)
    {
        Assert.IsTrue(count is 1 or >= 3, "one image, or two and a repeat");
        int size = network.InputShape.ElementCount, classes = network.OutputShape.ElementCount;
        var random = new SeededRandom(7);
        var images = new float[count * size];
        for (int i = 0; i < Math.Max(count - 1, 1) * size; i++) images[i] = random.NextFloat();
        if (count > 1) Array.Copy(images, 0, images, (count - 1) * size, size);
        using var predictor = new Predictor(network, maxBatchSize: count);
        float[] logits = predictor.Predict(images, count);
        Assert.HasCount(count * classes, logits);
        Assert.IsTrue(logits.All(float.IsFinite), "logits are finite");
        float scale = logits.Max(MathF.Abs);
        Assert.IsGreaterThan(0f, scale, "logits are not all zero");
        if (count == 1) return;
        // Rows may be computed in different kernel tiles, so compare with a tolerance rather than bit for bit.
        float repeated = 0f, different = 0f;
        for (int k = 0; k < classes; k++)
        {
            repeated = MathF.Max(repeated, MathF.Abs(logits[k] - logits[(count - 1) * classes + k]));
            different = MathF.Max(different, MathF.Abs(logits[k] - logits[classes + k]));
        }
        Assert.IsLessThanOrEqualTo(1e-4f * scale, repeated, "the same image gives the same logits");
        Assert.IsGreaterThan(1e-3f * scale, different, "different images give different logits");
    }
}
