// How TorchWeights.Load matches a file's tensor names to a network's parameters, and how strict it is.
namespace Microsoft.ML.Cnn.Transfer;

/// <summary>Options of <see cref="TorchWeights.Load(Layers.Network, string, TorchImportOptions?)"/>.</summary>
public sealed record TorchImportOptions
{
    /// <summary>
    /// Removed from the start of every tensor name that has it, before <see cref="Rename"/>: e.g. "module." for
    /// checkpoints saved from DataParallel, or "backbone." to take a detector's backbone. Null (default) for none.
    /// </summary>
    public string? StripPrefix { get; init; }

    /// <summary>
    /// Maps each tensor name (after <see cref="StripPrefix"/>) to the PyTorch-style key of the parameter it should fill
    /// (see <see cref="TorchParameterNames"/>), or returns null to ignore the tensor (the report lists it as skipped).
    /// Null (default) keeps the names.
    /// </summary>
    public Func<string, string?>? Rename { get; init; }

    /// <summary>
    /// Throw <see cref="InvalidDataException"/> (with the report) instead of importing when a parameter is missing from
    /// the file, a shape differs, or a floating-point tensor is left unused, as PyTorch's load_state_dict(strict=True)
    /// does; the network is not changed then. Default false: import what matches and report the rest.
    /// </summary>
    public bool Strict { get; init; }
}
