// Copies a layer's configuration into a new, unbuilt layer through the model format's config codec.
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Persistence;

/// <summary>
/// Re-creates layers from their configs, so a network can be rebuilt for another input shape (parameters are created
/// anew when the clone is applied). Every persistable layer type is covered by <see cref="LayerConfigCodec"/>.
/// </summary>
internal static class LayerCloning
{
    /// <summary>An unbuilt layer of the same kind, config, name, trainable flag and learning-rate multiplier.</summary>
    /// <exception cref="NotSupportedException">The layer type has no config codec.</exception>
    public static Layer Clone(Layer layer)
    {
        var config = new MemoryStream();
        LayerConfigCodec.Write(new ModelWriter(config), layer);
        byte[] bytes = config.ToArray();
        var reader = new ModelReader(bytes[1..]);
        var clone = LayerConfigCodec.Read(reader, (LayerKind)bytes[0], layer.Name);
        reader.RequireEnd();
        clone.Trainable = layer.Trainable;
        clone.LearningRateMultiplier = layer.LearningRateMultiplier;
        return clone;
    }
}
