// Builds a trial's network from its settings: VGG-style blocks of "same" convolutions (batch norm optional) and max
// pooling, then a dense layer, dropout and the output layer. Layers are named, so promoted trials reload by name.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>The network of a <see cref="CnnTrialSettings"/>.</summary>
internal static class TrialNetwork
{
    /// <summary>
    /// The network for (C, H, W) samples (a feature column of dimensions (H, W) reaches it as (1, H, W)) and
    /// <paramref name="outputs"/> raw outputs.
    /// Pooling stops once a side is 1 pixel, so any block count fits any image size.
    /// </summary>
    public static Network Build(CnnTrialSettings settings, Shape input, int outputs, long seed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (input.Rank != 3)
            throw new ArgumentException($"A searched network takes images of shape (C, H, W); the features are {input}. Extract pixels with ExtractPixels, or give the vector column its image dimensions.");
        var layers = new List<Layer>();
        int height = input[1], width = input[2];
        for (int block = 1; block <= settings.ConvBlocks; block++)
        {
            int filters = settings.Filters << (block - 1);
            for (int conv = 1; conv <= settings.ConvLayersPerBlock; conv++)
            {
                string name = $"block{block}_conv{conv}";
                if (settings.BatchNorm)
                {
                    layers.Add(new Conv2D(filters, settings.KernelSize, padding: Padding.Same, useBias: false, name: name));
                    layers.Add(new BatchNorm(name: $"block{block}_bn{conv}"));
                    layers.Add(new ReLU($"block{block}_relu{conv}"));
                }
                else
                {
                    layers.Add(new Conv2D(filters, settings.KernelSize, padding: Padding.Same, activation: Activation.Relu, name: name));
                }
            }
            if (height >= 2 && width >= 2)
            {
                layers.Add(new MaxPool2D(2, name: $"block{block}_pool"));
                (height, width) = (height / 2, width / 2);
            }
        }
        layers.Add(new Flatten("flatten"));
        layers.Add(new Dense(settings.DenseUnits, Activation.Relu, name: "dense"));
        if (settings.Dropout > 0f) layers.Add(new Dropout(settings.Dropout, seed, "dropout"));
        layers.Add(new Dense(outputs, name: "output"));
        return Network.Sequential(input.ToArray(), layers, seed);
    }
}
