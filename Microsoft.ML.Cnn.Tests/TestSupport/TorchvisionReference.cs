// Reads TestData/Torchvision/parameter_counts.json (written by tools/torchvision_parameter_counts.py): torchvision's
// parameter counts and state_dict keys, so preset tests compare with torchvision without PyTorch.
using System.Text.Json;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Transfer;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

/// <summary>One state_dict entry of a torchvision model; Kind is "parameter" or "buffer".</summary>
internal sealed record TorchvisionEntry(string Key, Shape Shape, string Kind);

internal static class TorchvisionReference
{
    private static readonly Lazy<JsonElement> Models = new(() =>
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "Torchvision", "parameter_counts.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("models").Clone();
    });

    /// <summary>sum(p.numel() for p in model.parameters()) for <paramref name="model"/> (e.g. "vgg11_bn") built for <paramref name="classes"/> (10 or 1000).</summary>
    public static long ParameterCount(string model, int classes) =>
        Models.Value.GetProperty(model).GetProperty("parameters").GetProperty(classes.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetInt64();

    /// <summary>The 1000-class model's state_dict in order, buffers included.</summary>
    public static IReadOnlyList<TorchvisionEntry> StateDict(string model) =>
        Models.Value.GetProperty(model).GetProperty("state_dict").EnumerateArray()
            .Select(e => new TorchvisionEntry(
                e.GetProperty("key").GetString()!,
                new Shape(e.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray()),
                e.GetProperty("kind").GetString()!))
            .ToArray();

    /// <summary>The state_dict entries that have a counterpart here (num_batches_tracked has none), in order.</summary>
    public static IReadOnlyList<TorchvisionEntry> MappedStateDict(string model) =>
        StateDict(model).Where(e => !e.Key.EndsWith(".num_batches_tracked", StringComparison.Ordinal)).ToArray();

    /// <summary>Our parameters as torchvision entries (key, shape, kind), in the network's order.</summary>
    public static IReadOnlyList<TorchvisionEntry> Entries(Network network) =>
        network.Parameters
            .Select(p => new TorchvisionEntry(TorchParameterNames.ToTorch(p.Name), p.Shape, p.Role is ParameterRole.RunningMean or ParameterRole.RunningVariance ? "buffer" : "parameter"))
            .ToArray();
}
