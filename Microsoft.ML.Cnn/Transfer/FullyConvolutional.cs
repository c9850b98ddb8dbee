// Turns a trained classifier's dense head into equivalent convolutions, so it slides over larger images.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Persistence;

namespace Microsoft.ML.Cnn.Transfer;

/// <summary>What a global-average-pooling head becomes in <see cref="FullyConvolutional.Convert"/>.</summary>
public enum GlobalPoolingConversion
{
    /// <summary>
    /// An average pool with the window the global pooling saw (stride 1), then 1x1 convolutions: every output position
    /// is the original network applied to one crop of the original size, as for a Flatten head.
    /// </summary>
    SlidingWindow,
    /// <summary>
    /// The pooling is dropped and the dense layers become 1x1 convolutions on the last feature map: a class activation
    /// map (Zhou et al. 2016) whose spatial mean is the original output. Needs a linear head after the pooling (Dense
    /// without activation, Dropout, BatchNorm).
    /// </summary>
    ClassActivationMap,
}

/// <summary>
/// The FC↔CONV equivalence: a dense layer over a C×H×W map is a convolution with an H×W kernel (its [units, C·H·W]
/// weight is the [units, C, H, W] kernel, element for element), and later dense layers are 1x1 convolutions.
/// </summary>
public static class FullyConvolutional
{
    /// <summary>
    /// A copy of <paramref name="trained"/> for inputs of <paramref name="newInputShape"/> (same channels, any size at least
    /// the original) whose Flatten→Dense… head is replaced by equivalent convolutions with the trained weights reshaped.
    /// It outputs a map of scores [outputs, H', W']: on the original size a 1x1 map equal to the original output; on a
    /// larger input position (i, j) is the original network applied to the crop at (i·S, j·S), S being the network's
    /// total stride (exactly so where no convolution pads). Layers before the head are re-created from their configs.
    /// </summary>
    /// <exception cref="NotSupportedException">A layer cannot be converted (the message names it and says why).</exception>
    public static Network Convert(Network trained, int[] newInputShape, GlobalPoolingConversion globalPooling = GlobalPoolingConversion.SlidingWindow)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(newInputShape);
        if (!Enum.IsDefined(globalPooling)) throw new ArgumentOutOfRangeException(nameof(globalPooling), globalPooling, "Use SlidingWindow or ClassActivationMap.");
        if (trained.Inputs.Count != 1) throw new NotSupportedException($"The network has {trained.Inputs.Count} inputs; only single-input networks can be converted.");
        var original = trained.InputShape;
        if (original.Rank != 3 || newInputShape.Length != 3 || newInputShape[0] != original[0])
            throw new ArgumentException($"The network takes images {original}; the new input shape ({string.Join(", ", newInputShape)}) must be (C, H, W) with the same {original[0]} channels.", nameof(newInputShape));

        var converter = new HeadConverter(globalPooling);
        var tensors = new Dictionary<SymbolicTensor, HeadConverter.Mapped>();
        foreach (var application in trained.Applications)
        {
            tensors[application] = application.Layer is null
                ? new HeadConverter.Mapped(SymbolicTensor.Input(new Shape(newInputShape), application.InputName!), HeadConverter.Form.Spatial, default, null)
                : converter.Apply(application, application.Inputs.Select(t => tensors[t]).ToArray());
        }
        var outputs = trained.Outputs.Select(o => converter.Output(o, tensors[o])).ToArray();
        var converted = new Network([tensors[trained.Inputs[0]].Tensor], outputs);
        CopyWeights(trained, converted);
        return converted;
    }

    /// <summary>Same names, same number of values: a converted Dense weight keeps its row-major order as a kernel.</summary>
    private static void CopyWeights(Network trained, Network converted)
    {
        var source = trained.Parameters.ToDictionary(p => p.Name);
        foreach (var parameter in converted.Parameters)
        {
            var from = source[parameter.Name];
            if (from.Data.Length != parameter.Data.Length)
                throw new InvalidOperationException($"Parameter '{parameter.Name}' has {from.Data.Length} values in the trained network and {parameter.Data.Length} after conversion.");
            from.Data.CopyTo(parameter.Data, 0);
        }
    }
}
