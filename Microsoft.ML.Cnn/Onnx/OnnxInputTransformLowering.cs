// Lowers the affine input steps (pixel scaling, channel and per-value normalization) to ONNX Sub and Mul nodes
// whose second operand broadcasts over the batch, after checking that it can.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Onnx;

internal static class OnnxInputTransformLowering
{
    /// <summary>Emits <paramref name="transform"/> on the tensor <paramref name="x"/> of per-sample shape <paramref name="sampleShape"/>; returns the result's name.</summary>
    public static string Emit(OnnxGraphBuilder builder, OnnxInputTransform transform, string x, Shape sampleShape)
    {
        Validate(transform, sampleShape);
        long[] dims = [.. transform.Dimensions.Select(d => (long)d)];
        // (x - offset) * scale, as the pipeline's steps compute it; a part that changes nothing is left out.
        if (transform.Offset.Any(v => v != 0f))
            x = builder.AddNode("Sub", transform.Name, [x, builder.AddInitializer($"{transform.Name}.offset", dims, transform.Offset)], null);
        if (transform.Scale.Any(v => v != 1f))
            x = builder.AddNode("Mul", transform.Name, [x, builder.AddInitializer($"{transform.Name}.scale", dims, transform.Scale)], null);
        return x;
    }

    internal static void Validate(OnnxInputTransform transform, Shape sampleShape)
    {
        ArgumentNullException.ThrowIfNull(transform);
        if (string.IsNullOrWhiteSpace(transform.Name)) throw new ArgumentException("An input transform needs a name (it names its nodes).", nameof(transform));
        ArgumentNullException.ThrowIfNull(transform.Dimensions);
        ArgumentNullException.ThrowIfNull(transform.Offset);
        ArgumentNullException.ThrowIfNull(transform.Scale);
        string what = $"Input transform '{transform.Name}'";
        var dims = transform.Dimensions;
        if (dims.Length > sampleShape.Rank)
            throw new ArgumentException($"{what} has dimensions ({string.Join(", ", dims)}), more than the input's {sampleShape.Rank} per-sample dimensions {sampleShape}.", nameof(transform));
        long count = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            int against = sampleShape[sampleShape.Rank - dims.Length + i];
            if (dims[i] != 1 && dims[i] != against)
                throw new ArgumentException($"{what} has dimensions ({string.Join(", ", dims)}), which do not broadcast against the input's {sampleShape}: " +
                    "each must be 1 or equal the input's dimension it lines up with (counting from the last).", nameof(transform));
            count *= dims[i];
        }
        if (transform.Offset.Length != count || transform.Scale.Length != count)
            throw new ArgumentException($"{what} has {transform.Offset.Length} offsets and {transform.Scale.Length} scales; dimensions ({string.Join(", ", dims)}) need {count} of each.", nameof(transform));
        if (!transform.Offset.All(float.IsFinite) || !transform.Scale.All(float.IsFinite))
            throw new ArgumentException($"{what} has a value that is not finite.", nameof(transform));
    }
}
