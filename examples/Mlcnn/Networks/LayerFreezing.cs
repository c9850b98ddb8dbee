// --train-only and --freeze-up-to: which layers fine-tuning may change. Names are layer names or, as in PyTorch,
// module paths ("layer4", "classifier", "features.denseblock4") that select every layer under them.
using System.Globalization;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Mlcnn.Networks;

/// <summary>What to freeze: everything but some layers, or everything up to a layer.</summary>
internal sealed class LayerFreezing
{
    private readonly IReadOnlyList<string> _trainOnly;
    private readonly string? _freezeUpTo;

    private LayerFreezing(IReadOnlyList<string> trainOnly, string? freezeUpTo)
    {
        _trainOnly = trainOnly;
        _freezeUpTo = freezeUpTo;
    }

    /// <summary>The freezing asked for, or null when neither option is given.</summary>
    /// <exception cref="UsageException">Both options, or an empty name.</exception>
    public static LayerFreezing? Parse(string? trainOnly, string? freezeUpTo)
    {
        if (trainOnly is null && freezeUpTo is null) return null;
        if (trainOnly is not null && freezeUpTo is not null)
            throw new UsageException("--train-only and --freeze-up-to both choose the layers to train; give one of them.");
        if (freezeUpTo is not null)
            return freezeUpTo.Trim().Length > 0 ? new LayerFreezing([], freezeUpTo.Trim()) : throw new UsageException("--freeze-up-to is empty; name a layer or module, e.g. layer3.");
        var names = trainOnly!.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0))
            throw new UsageException($"--train-only '{trainOnly}' holds an empty name; list layers or modules separated by commas, e.g. layer4,fc.");
        return new LayerFreezing(names, null);
    }

    /// <summary>
    /// Sets every layer's Trainable flag of <paramref name="network"/> (described as <paramref name="architecture"/>)
    /// and says in one line what will train.
    /// </summary>
    /// <exception cref="UsageException">A name matches no layer (the message lists them), or nothing would be left to train.</exception>
    public string Apply(Network network, string architecture)
    {
        if (_freezeUpTo is { } last)
        {
            Select(network, last, "--freeze-up-to", architecture);
            network.FreezeUpTo(last);
        }
        else
        {
            var keep = _trainOnly.SelectMany(name => Select(network, name, "--train-only", architecture)).Select(l => l.Name).Distinct().ToArray();
            network.FreezeAllExcept(keep);
        }
        var withParameters = network.Layers.Where(l => l.Parameters.Count > 0).ToList();
        var trainable = withParameters.Where(l => l.Parameters.Any(p => p.RequiresGradient)).ToList();
        string option = _freezeUpTo is null ? $"--train-only {string.Join(",", _trainOnly)}" : $"--freeze-up-to {_freezeUpTo}";
        if (trainable.Count == 0)
            throw new UsageException($"{option} leaves no layer with weights to train in the {architecture}; " +
                (_freezeUpTo is null ? "name layers that have weights (convolutions, dense, batch norm layers)." : "name an earlier layer."));
        long trainableValues = trainable.Sum(l => l.Parameters.Where(p => p.RequiresGradient).Sum(p => (long)p.Shape.ElementCount));
        long frozenValues = withParameters.Except(trainable).Sum(l => l.Parameters.Sum(p => (long)p.Shape.ElementCount));
        var c = CultureInfo.InvariantCulture;
        string names = string.Join(", ", trainable.Take(8).Select(l => l.Name)) + (trainable.Count > 8 ? $" and {trainable.Count - 8} more" : "");
        return string.Format(c, "{0}: training {1} of {2} layers with weights ({3}; {4:N0} values), {5:N0} values frozen.",
            option, trainable.Count, withParameters.Count, names, trainableValues, frozenValues);
    }

    /// <summary>The layer named <paramref name="name"/>, else every layer under the module path <paramref name="name"/>.</summary>
    private static IReadOnlyList<Layer> Select(Network network, string name, string option, string architecture)
    {
        var found = network.FindLayers(name);
        if (found.Count > 0) return found;
        var modules = network.Layers.Select(l => l.Name.Split('.')[0]).Where(m => network.Layers.All(l => l.Name != m)).Distinct().ToList();
        throw new UsageException($"{option} names '{name}', which is neither a layer nor a module of the {architecture}. " +
            $"Its layers with weights are {string.Join(", ", network.Layers.Where(l => l.Parameters.Count > 0).Select(l => l.Name))}" +
            (modules.Count > 0 ? $"; its modules are {string.Join(", ", modules)}." : ".") +
            " (mlcnn summary --architecture ... lists every layer.)");
    }
}
