// The one mapping between this library's parameter names and PyTorch state_dict keys.
namespace Microsoft.ML.Cnn.Transfer;

/// <summary>
/// Parameters are named "{layer}.{suffix}" and full-size presets name layers after torchvision's module paths
/// ("layer1.0.conv1", "features.0", "classifier.6"), so the PyTorch state_dict key of a parameter differs only in its
/// suffix: weight and bias stay, a BatchNorm's gamma and beta are PyTorch's weight and bias, running_mean stays and
/// running_variance is running_var. PyTorch's num_batches_tracked has no counterpart (this library does not count
/// batches). Layouts agree too: convolution kernels are [out, in/groups, kH, kW] and linear weights [out, in] in both.
/// </summary>
public static class TorchParameterNames
{
    /// <summary>This library's parameter suffix → PyTorch's.</summary>
    public static IReadOnlyDictionary<string, string> Suffixes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["weight"] = "weight",
        ["bias"] = "bias",
        ["gamma"] = "weight",
        ["beta"] = "bias",
        ["running_mean"] = "running_mean",
        ["running_variance"] = "running_var",
    };

    /// <summary>PyTorch's BatchNorm buffer counting training batches; it has no counterpart here.</summary>
    public const string NumBatchesTrackedSuffix = "num_batches_tracked";

    /// <summary>
    /// The PyTorch key of parameter <paramref name="parameterName"/>, e.g. "layer1.0.bn1.gamma" → "layer1.0.bn1.weight"
    /// and "fc.weight" → "fc.weight". A suffix not in <see cref="Suffixes"/> is kept as it is.
    /// </summary>
    public static string ToTorch(string parameterName)
    {
        ArgumentNullException.ThrowIfNull(parameterName);
        int dot = parameterName.LastIndexOf('.');
        if (dot < 0) return parameterName;
        return Suffixes.TryGetValue(parameterName[(dot + 1)..], out var suffix) ? $"{parameterName[..(dot + 1)]}{suffix}" : parameterName;
    }
}
