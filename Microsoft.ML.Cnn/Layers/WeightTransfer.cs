// Fine-tuning's first step: copy trained weights into another network by parameter name, reporting what matched.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>A tensor whose name matched but whose shape did not.</summary>
public sealed record ShapeMismatch(string Name, Shape SourceShape, Shape TargetShape);

/// <summary>A source tensor that was not considered for any parameter, and why (e.g. an integer counter).</summary>
public sealed record SkippedTensor(string Name, string Reason);

/// <summary>What <see cref="WeightTransfer"/> (or an import such as <c>TorchWeights.Load</c>) did, parameter by parameter.</summary>
/// <param name="Copied">Target parameters that received the source's values.</param>
/// <param name="Missing">Target parameters with no source tensor of that name; they keep their current values.</param>
/// <param name="WrongShape">Names present on both sides with different shapes; the target keeps its values.</param>
/// <param name="Unused">Source tensors no target parameter asked for.</param>
public sealed record WeightTransferReport(IReadOnlyList<string> Copied, IReadOnlyList<string> Missing,
    IReadOnlyList<ShapeMismatch> WrongShape, IReadOnlyList<string> Unused)
{
    /// <summary>Source tensors set aside before matching (e.g. integer tensors of a PyTorch file); empty for network-to-network copies.</summary>
    public IReadOnlyList<SkippedTensor> Skipped { get; init; } = [];

    /// <summary>True when every target parameter received values (nothing missing or of the wrong shape).</summary>
    public bool AllParametersCopied => Missing.Count == 0 && WrongShape.Count == 0;

    public override string ToString()
    {
        var lines = new List<string> { $"copied {Copied.Count}, missing {Missing.Count}, wrong shape {WrongShape.Count}, unused {Unused.Count}" + (Skipped.Count > 0 ? $", skipped {Skipped.Count}" : "") };
        lines.AddRange(Missing.Select(n => $"  missing:     {n} (kept its initial values)"));
        lines.AddRange(WrongShape.Select(m => $"  wrong shape: {m.Name}: source {m.SourceShape}, target {m.TargetShape} (kept its initial values)"));
        lines.AddRange(Unused.Select(n => $"  unused:      {n}"));
        lines.AddRange(Skipped.Select(s => $"  skipped:     {s.Name} ({s.Reason})"));
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>Copies parameter values between networks (or from named tensors) by name.</summary>
public static class WeightTransfer
{
    /// <summary>
    /// Copies every parameter of <paramref name="source"/> whose name and shape match one of <paramref name="target"/>,
    /// e.g. a trained network's convolution layers into a new network with another head. Optionally renames source
    /// parameters first (return null to skip one).
    /// </summary>
    public static WeightTransferReport Copy(Network source, Network target, Func<string, string?>? rename = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var tensors = new Dictionary<string, (Shape Shape, float[] Data)>();
        foreach (var p in source.Parameters)
        {
            string? name = rename is null ? p.Name : rename(p.Name);
            if (name is null) continue;
            if (!tensors.TryAdd(name, (p.Shape, p.Data)))
                throw new ArgumentException($"Two source parameters map to '{name}'; the renaming must keep names unique.", nameof(rename));
        }
        return Copy(tensors, target);
    }

    /// <summary>Copies named tensors (canonical layout) into the parameters of <paramref name="target"/> with the same names and shapes.</summary>
    public static WeightTransferReport Copy(IReadOnlyDictionary<string, (Shape Shape, float[] Data)> tensors, Network target)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var report = Match(target, tensors, name => name, t => t.Shape, (key, _) => key, out var matched);
        foreach (var (parameter, tensor) in matched)
        {
            if (tensor.Data.Length != parameter.Data.Length)
                throw new ArgumentException($"Tensor '{parameter.Name}' has {tensor.Data.Length} values for shape {tensor.Shape}.", nameof(tensors));
        }
        foreach (var (parameter, tensor) in matched) tensor.Data.CopyTo(parameter.Data, 0);
        return report;
    }

    /// <summary>
    /// Pairs each parameter of <paramref name="target"/> with the source stored under <paramref name="keyOf"/>(its name)
    /// when the shapes agree, copying nothing: the caller copies <paramref name="matched"/> (so a file can be read only
    /// for the tensors that fit). The report lists the matched parameters as copied, the missing and wrong-shaped ones,
    /// and the unused sources by <paramref name="sourceName"/>.
    /// </summary>
    internal static WeightTransferReport Match<TSource>(Network target, IReadOnlyDictionary<string, TSource> sources, Func<string, string> keyOf,
        Func<TSource, Shape> shapeOf, Func<string, TSource, string> sourceName, out List<(Parameter Parameter, TSource Source)> matched)
    {
        ArgumentNullException.ThrowIfNull(target);
        matched = [];
        var missing = new List<string>();
        var wrongShape = new List<ShapeMismatch>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in target.Parameters)
        {
            string key = keyOf(parameter.Name);
            if (!sources.TryGetValue(key, out var source)) { missing.Add(parameter.Name); continue; }
            used.Add(key);
            var shape = shapeOf(source);
            if (shape != parameter.Shape) { wrongShape.Add(new ShapeMismatch(parameter.Name, shape, parameter.Shape)); continue; }
            matched.Add((parameter, source));
        }
        var unused = sources.Where(e => !used.Contains(e.Key)).Select(e => sourceName(e.Key, e.Value)).Order(StringComparer.Ordinal).ToArray();
        return new WeightTransferReport(matched.Select(m => m.Parameter.Name).ToArray(), missing, wrongShape, unused);
    }
}
