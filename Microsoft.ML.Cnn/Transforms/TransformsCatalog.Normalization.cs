// mlContext.Transforms' normalizers: ML.NET's per-slot NormalizeMinMax and NormalizeMeanVariance (same names,
// parameters and defaults), and the per-channel NormalizeImageChannels CNNs need.
using Microsoft.ML.Cnn.Transforms.Normalizers;

namespace Microsoft.ML.Cnn.Transforms;

public sealed partial class TransformsCatalog
{
    /// <summary>
    /// Scales each slot of <paramref name="inputColumnName"/> (default: <paramref name="outputColumnName"/>) by its
    /// minimum and maximum over up to <paramref name="maximumExampleCount"/> rows: into [0, 1], or with
    /// <paramref name="fixZero"/> (the default) into [-1, 1] keeping 0 at 0.
    /// </summary>
    public NormalizingEstimator NormalizeMinMax(string outputColumnName, string? inputColumnName = null,
        long maximumExampleCount = 1_000_000_000, bool fixZero = true) =>
        new(outputColumnName, inputColumnName, NormalizingEstimator.NormalizationMode.MinMax, maximumExampleCount, fixZero);

    /// <summary>
    /// Standardizes each slot of <paramref name="inputColumnName"/> (default: <paramref name="outputColumnName"/>) by its
    /// mean and standard deviation over up to <paramref name="maximumExampleCount"/> rows: <c>(x - mean) / stddev</c>,
    /// or with <paramref name="fixZero"/> (the default) <c>x / sqrt(stddev² + mean²)</c>; with <paramref name="useCdf"/>
    /// the normal CDF of <c>(x - mean) / stddev</c>.
    /// </summary>
    public NormalizingEstimator NormalizeMeanVariance(string outputColumnName, string? inputColumnName = null,
        long maximumExampleCount = 1_000_000_000, bool fixZero = true, bool useCdf = false) =>
        new(outputColumnName, inputColumnName, NormalizingEstimator.NormalizationMode.MeanVariance, maximumExampleCount, fixZero, useCdf);

    /// <summary>
    /// Normalizes each channel of the image vector <paramref name="inputColumnName"/> (default:
    /// <paramref name="outputColumnName"/>) to <c>(x - mean[c]) / std[c]</c>, torchvision's <c>Normalize</c>: give
    /// <paramref name="mean"/> and <paramref name="std"/> (e.g. ImageNet's, on values scaled to [0, 1]) or leave both
    /// null to learn them from the data. Channels are the first dimension (C, H, W), or the last (H, W, C) with
    /// <paramref name="interleavePixelColors"/>.
    /// </summary>
    public ImageChannelNormalizingEstimator NormalizeImageChannels(string outputColumnName, string? inputColumnName = null,
        float[]? mean = null, float[]? std = null, bool interleavePixelColors = false) =>
        new(outputColumnName, inputColumnName, mean, std, interleavePixelColors);
}
