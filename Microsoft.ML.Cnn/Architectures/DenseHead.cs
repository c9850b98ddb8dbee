// Networks whose dense classifier needs one fixed feature-map shape (AlexNet, ZFNet, VGG): they accept only
// the input sizes that give that shape, and say which sizes work when given another.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Architectures;

/// <summary>The feature map (C, H, W) a flattening dense classifier was sized for.</summary>
internal readonly record struct FeatureMap(int Channels, int Height, int Width)
{
    public override string ToString() => $"{Channels}x{Height}x{Width}";
}

internal static class DenseHead
{
    /// <summary>
    /// The classifier AlexNet and ZFNet share (torchvision's names): Flatten, then two Dense 4096 + ReLU + dropout 0.5
    /// (dropout after the ReLU, as in the papers and Caffe's reference models), then Dense <paramref name="classes"/>.
    /// </summary>
    public static Layer[] PaperClassifier(int classes) =>
    [
        new Flatten("flatten"),
        new Dense(4096, name: "classifier.0"), new ReLU("classifier.1"), new Dropout(0.5f, name: "classifier.2"),
        new Dense(4096, name: "classifier.3"), new ReLU("classifier.4"), new Dropout(0.5f, name: "classifier.5"),
        new Dense(classes, name: "classifier.6"),
    ];

    // Input sizes up to this are searched for the ones that give the head's feature map.
    private const int LargestSizeSearched = 2048;

    /// <summary>
    /// Chains the feature layers on an input of <c>inputShape</c>, checks they end in the <c>needed</c> map, then
    /// chains the classifier layers (which start with their Flatten). The architecture's name ("AlexNet") and the
    /// advice ("Use 227x227 inputs ...") go into the message when the map differs.
    /// </summary>
    public static Network Build(string architecture, int[] inputShape, IReadOnlyList<Layer> features, FeatureMap needed,
        string advice, IReadOnlyList<Layer> classifier, long seed)
    {
        var input = Network.Input(inputShape);
        var x = input;
        foreach (var layer in features) x = layer.Call(x);
        var produced = new FeatureMap(x.Shape[1], x.Shape[2], x.Shape[3]);
        if (produced != needed)
        {
            var last = features[^1];
            string[] sentences =
            [
                $"{architecture}'s classifier needs {last.Name} ({last.TypeName}) to give {needed}; a {string.Join("x", inputShape)} input gives {produced}.",
                advice,
                WorkingSizes(features, needed),
                "To run on larger images, build it at a size that works and turn the dense head into convolutions with Transfer.FullyConvolutional.Convert.",
            ];
            throw new ArgumentException(string.Join(" ", sentences.Where(t => t.Length > 0)), nameof(inputShape));
        }
        foreach (var layer in classifier) x = layer.Call(x);
        return new Network(input, x, seed);
    }

    /// <summary>Says which input heights and widths give the needed map, e.g. "Heights and widths from 227 to 258 give 6x6 here.", or "" when none do.</summary>
    private static string WorkingSizes(IReadOnlyList<Layer> features, FeatureMap needed)
    {
        var heights = Range(n => SpatialSize(features, n, vertical: true), needed.Height);
        var widths = Range(n => SpatialSize(features, n, vertical: false), needed.Width);
        if (heights is null || widths is null) return "";
        string map = $"{needed.Height}x{needed.Width}";
        return heights == widths
            ? $"Heights and widths from {heights.Value.Min} to {heights.Value.Max} give {map} here."
            : $"Heights from {heights.Value.Min} to {heights.Value.Max} and widths from {widths.Value.Min} to {widths.Value.Max} give {map} here.";
    }

    private static (int Min, int Max)? Range(Func<int, int?> size, int wanted)
    {
        int min = 0, max = 0;
        for (int n = 1; n <= LargestSizeSearched; n++)
        {
            if (size(n) != wanted) continue;
            if (min == 0) min = n;
            max = n;
        }
        return min == 0 ? null : (min, max);
    }

    /// <summary>The feature map's height (or width) for a square n x n input, or null where some layer's window does not fit.</summary>
    private static int? SpatialSize(IReadOnlyList<Layer> layers, int n, bool vertical)
    {
        foreach (var layer in layers)
        {
            if (Window(layer) is not { } w) continue;
            var amounts = w.Padding.Resolve(n, n, w.Kernel.Height, w.Kernel.Width, w.Stride.Height, w.Stride.Width, w.Dilation.Height, w.Dilation.Width);
            var (kernel, stride, dilation) = vertical ? (w.Kernel.Height, w.Stride.Height, w.Dilation.Height) : (w.Kernel.Width, w.Stride.Width, w.Dilation.Width);
            var (before, after) = vertical ? (amounts.Top, amounts.Bottom) : (amounts.Left, amounts.Right);
            if (w.CeilMode) after += Ops.OutputSize.CeilModeExtraPadding(n, kernel, stride, before, after);
            int padded = n + before + after;
            int span = dilation * (kernel - 1) + 1;
            if (padded < span) return null;
            n = (padded - span) / stride + 1; // the rule of Ops.OutputSize
        }
        return n;
    }

    private sealed record SlidingWindow((int Height, int Width) Kernel, (int Height, int Width) Stride, Padding Padding, (int Height, int Width) Dilation, bool CeilMode = false);

    private static SlidingWindow? Window(Layer layer) => layer switch
    {
        ConvolutionLayer c => new SlidingWindow(c.Kernel, c.Stride, c.Padding, c.Dilation),
        MaxPool2D p => new SlidingWindow(p.Pool, p.Stride, p.Padding, (1, 1), p.CeilMode),
        PoolingLayer p => new SlidingWindow(p.Pool, p.Stride, p.Padding, (1, 1)),
        _ => null,
    };
}
