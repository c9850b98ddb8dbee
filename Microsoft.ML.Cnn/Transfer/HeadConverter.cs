// The layer-by-layer rules of FullyConvolutional.Convert: re-create the body, turn the dense head into convolutions.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Persistence;

namespace Microsoft.ML.Cnn.Transfer;

/// <summary>
/// Rebuilds one layer application at a time, tracking what each tensor of the original network has become: still an
/// image (<see cref="Form.Spatial"/>), a map whose flattening fed the head (<see cref="Form.Flattened"/>, with the
/// map's original shape), or a map of feature vectors, one per position (<see cref="Form.Features"/>).
/// </summary>
internal sealed class HeadConverter(GlobalPoolingConversion globalPooling)
{
    public enum Form { Spatial, Flattened, Features }

    /// <param name="Tensor">The tensor in the converted network.</param>
    /// <param name="Form">What the original tensor has become.</param>
    /// <param name="MapShape">For <see cref="Form.Flattened"/>: the flattened map's per-sample [C, H, W] at the original size.</param>
    /// <param name="DroppedPooling">The global pooling whose averaging is left out (class activation maps), if any.</param>
    public sealed record Mapped(SymbolicTensor Tensor, Form Form, Shape MapShape, Layer? DroppedPooling);

    private readonly Dictionary<Layer, Layer> _replacements = [];

    public Mapped Apply(SymbolicTensor application, Mapped[] inputs)
    {
        var layer = application.Layer!;
        var originalInput = application.Inputs[0].Shape.SampleShape;
        if (inputs.All(i => i.Form == Form.Spatial)) return ApplySpatial(layer, originalInput, inputs);
        if (inputs.Length != 1) throw Unsupported(layer, "it combines the dense head's vectors with other tensors");
        var x = inputs[0];
        switch (layer)
        {
            case Flatten:
                return x;
            case Dense dense when dense.Activation == Activation.Softmax:
                throw Unsupported(layer, "its softmax works on flat [N, K] outputs only; convert the network without it (end in logits)");
            case Dense dense when x.DroppedPooling is not null && dense.Activation != Activation.None:
                throw Unsupported(layer, $"its {dense.Activation} activation follows the dropped global pooling '{x.DroppedPooling.Name}', so the average would no longer commute; use {nameof(GlobalPoolingConversion.SlidingWindow)}");
            case Dense dense:
                var kernel = x.Form == Form.Flattened ? (x.MapShape[1], x.MapShape[2]) : (1, 1);
                var conv = Replace(dense, () => new Conv2D(dense.Units, kernel, activation: dense.Activation, useBias: dense.UseBias, name: dense.Name));
                return x with { Tensor = conv.Call(x.Tensor), Form = Form.Features };
            case BatchNorm when x.Form == Form.Flattened:
                throw Unsupported(layer, "it normalizes each of the flattened C·H·W features, which a convolution's channels cannot express");
            case Dropout or BatchNorm:
                return x with { Tensor = Clone(layer).Call(x.Tensor) };
            case ReLU or LeakyReLU or ELU or Sigmoid or Tanh when x.DroppedPooling is not null:
                throw Unsupported(layer, $"it is nonlinear and follows the dropped global pooling '{x.DroppedPooling.Name}'; use {nameof(GlobalPoolingConversion.SlidingWindow)}");
            case ReLU or LeakyReLU or ELU or Sigmoid or Tanh:
                return x with { Tensor = Clone(layer).Call(x.Tensor) };
            default:
                throw Unsupported(layer, $"a {layer.TypeName} cannot follow the flattening or global pooling in a convertible head (only Dense, Dropout, BatchNorm and activations can)");
        }
    }

    /// <summary>The converted tensor for a network output, which must be a map.</summary>
    public SymbolicTensor Output(SymbolicTensor original, Mapped mapped)
    {
        if (mapped.Form == Form.Flattened)
            throw Unsupported(original.Layer!, "the network's output is a flattened map with no Dense layer after it; a fully convolutional network ends in a map of scores");
        return mapped.Tensor;
    }

    private Mapped ApplySpatial(Layer layer, Shape originalInput, Mapped[] inputs)
    {
        switch (layer)
        {
            case Flatten when originalInput.Rank == 3:
                return inputs[0] with { Form = Form.Flattened, MapShape = originalInput };
            case GlobalAveragePool2D when globalPooling == GlobalPoolingConversion.ClassActivationMap:
                return inputs[0] with { Form = Form.Features, DroppedPooling = layer };
            case GlobalAveragePool2D:
                var window = (originalInput[1], originalInput[2]);
                var pool = Replace(layer, () => new AvgPool2D(window, stride: (1, 1), name: layer.Name));
                return inputs[0] with { Tensor = pool.Call(inputs[0].Tensor), Form = Form.Features };
            case Reshape reshape:
                throw Unsupported(layer, $"it fixes the per-sample shape to {reshape.SampleShape}, so the network cannot take another input size");
            case Dense:
                throw Unsupported(layer, $"it reads a flat input {originalInput} that no Flatten of an image or GlobalAveragePool2D produced");
            default:
                var clone = Clone(layer);
                return inputs[0] with { Tensor = clone.Call(inputs.Select(i => i.Tensor).ToArray()) };
        }
    }

    private Layer Clone(Layer layer) => Replace(layer, () =>
    {
        try
        {
            return LayerCloning.Clone(layer);
        }
        catch (NotSupportedException e)
        {
            throw Unsupported(layer, $"its configuration cannot be re-created ({e.Message})");
        }
    });

    private Layer Replace(Layer layer, Func<Layer> create)
    {
        if (_replacements.TryGetValue(layer, out var existing)) return existing;
        var replacement = create();
        replacement.Trainable = layer.Trainable;
        replacement.LearningRateMultiplier = layer.LearningRateMultiplier;
        _replacements[layer] = replacement;
        return replacement;
    }

    private static NotSupportedException Unsupported(Layer layer, string reason) =>
        new($"Layer '{layer.Name}' ({layer.TypeName}) cannot be converted to convolutions: {reason}.");
}
