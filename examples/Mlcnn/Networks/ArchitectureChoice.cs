// The --architecture value: a preset name (ArchitecturePreset, any case) or the path of an architecture JSON file.
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Mlcnn.Networks;

/// <summary>A preset or a parsed architecture file.</summary>
internal sealed class ArchitectureChoice
{
    private readonly ArchitecturePreset? _preset;
    private readonly NetworkDescription? _description;

    private ArchitectureChoice(ArchitecturePreset? preset, NetworkDescription? description, string text)
    {
        _preset = preset;
        _description = description;
        Text = text;
    }

    /// <summary>What the user wrote.</summary>
    public string Text { get; }

    /// <summary>The preset names, for help and messages.</summary>
    public static string PresetNames => string.Join(", ", Enum.GetNames<ArchitecturePreset>());

    /// <summary>Reads a preset name or an architecture file.</summary>
    /// <exception cref="UsageException">Neither a preset nor an existing file, or the file is invalid (the message names the layer and field).</exception>
    public static ArchitectureChoice Resolve(string text)
    {
        // By name only: Enum.TryParse would also take numbers ("3").
        if (Enum.GetNames<ArchitecturePreset>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } name)
            return new ArchitectureChoice(Enum.Parse<ArchitecturePreset>(name), null, text);
        if (!File.Exists(text))
            throw new UsageException($"--architecture '{text}' is neither a preset ({PresetNames}) nor an existing JSON file.");
        try
        {
            return new ArchitectureChoice(null, NetworkJsonReader.ReadFile(text), text);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message, e);
        }
    }

    /// <summary>The trainer's architecture: the preset, or a factory building the file's layers with the run's seed.</summary>
    public CnnArchitecture ToCnnArchitecture(long seed) => _preset is { } preset
        ? CnnArchitecture.FromPreset(preset)
        : CnnArchitecture.FromFactory((shape, outputs) => _description!.Build([.. shape], outputs, seed));

    /// <summary>The network for one sample shape and class count (for summaries).</summary>
    public Network Build(int[] inputShape, int classes, long seed) => _preset is { } preset
        ? ArchitectureCatalog.Create(preset, inputShape, classes, seed)
        : _description!.Build(inputShape, classes, seed);

    /// <inheritdoc/>
    public override string ToString() => _preset is { } preset ? $"preset {preset}" : $"architecture file '{Text}' ({_description!.Layers.Count} layers + classifier)";
}
