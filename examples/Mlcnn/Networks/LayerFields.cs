// Typed, checked reading of one JSON layer object: errors name the layer and the field, and unknown fields are
// reported first (a typo such as "filter" must not hide behind "filters is required").
using System.Text.Json;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Mlcnn.Networks;

/// <summary>The fields of one layer object, read once each.</summary>
internal sealed class LayerFields
{
    private readonly JsonElement _element;
    private readonly string _where;
    /// <param name="element">The layer object.</param>
    /// <param name="where">How messages name it, e.g. "layers[2] (conv)".</param>
    public LayerFields(JsonElement element, string where)
    {
        _element = element;
        _where = where;
    }

    /// <summary>An error about this layer.</summary>
    public InvalidDataException Error(string message) => new($"{_where}: {message}");

    public int PositiveInt(string name, int? fallback = null) => Optional(name) is { } value
        ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) && n > 0 ? n : throw Error($"\"{name}\" must be a positive integer, got {value.GetRawText()}.")
        : fallback ?? throw Missing(name, "a positive integer");

    public float Float(string name, float fallback, float min, float max, string range) => Optional(name) is { } value
        ? value.ValueKind == JsonValueKind.Number && value.TryGetSingle(out float f) && f >= min && f <= max && float.IsFinite(f)
            ? f : throw Error($"\"{name}\" must be a number {range}, got {value.GetRawText()}.")
        : fallback;

    public bool Bool(string name, bool fallback) => Optional(name) is { } value
        ? value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => throw Error($"\"{name}\" must be true or false, got {value.GetRawText()}.") }
        : fallback;

    public string? Name() => Optional("name") is { } value
        ? value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0 ? value.GetString() : throw Error($"\"name\" must be a non-empty string, got {value.GetRawText()}.")
        : null;

    /// <summary>A size given as one integer (square) or [height, width].</summary>
    public (int Height, int Width) Pair(string name, int? fallback = null)
    {
        if (Optional(name) is not { } value) return fallback is { } f ? (f, f) : throw Missing(name, "a positive integer or [height, width]");
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) && n > 0) return (n, n);
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 2 && value.EnumerateArray().All(IsPositiveInt))
            return (value[0].GetInt32(), value[1].GetInt32());
        throw Error($"\"{name}\" must be a positive integer or [height, width] of positive integers, got {value.GetRawText()}.");
    }

    /// <summary>As <see cref="Pair"/>, or null when the field is absent.</summary>
    public (int Height, int Width)? OptionalPair(string name) => Optional(name) is null ? null : Pair(name);

    /// <summary>"same", "valid", a number of pixels on every side, or [top, bottom, left, right].</summary>
    public Padding Padding(Padding fallback)
    {
        if (Optional("padding") is not { } value) return fallback;
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString() switch
            {
                "same" => Layers.Padding.Same,
                "valid" => Layers.Padding.Valid,
                var other => throw Error($"\"padding\" is \"{other}\"; use \"same\", \"valid\", a number of pixels, or [top, bottom, left, right]."),
            };
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int all) && all >= 0) return Layers.Padding.Explicit(all);
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 4 && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int p) && p >= 0))
            return Layers.Padding.Explicit(value[0].GetInt32(), value[1].GetInt32(), value[2].GetInt32(), value[3].GetInt32());
        throw Error($"\"padding\" must be \"same\", \"valid\", a number of pixels >= 0, or [top, bottom, left, right], got {value.GetRawText()}.");
    }

    /// <summary>An activation by name; <paramref name="name"/> is the field ("activation" or "function").</summary>
    public Activation Activation(string name, Activation? fallback)
    {
        if (Optional(name) is not { } value) return fallback ?? throw Missing(name, $"one of {ActivationNames.All}");
        if (value.ValueKind == JsonValueKind.String && ActivationNames.TryParse(value.GetString()!, out var activation)) return activation;
        throw Error($"\"{name}\" is {value.GetRawText()}; use one of {ActivationNames.All}.");
    }

    /// <summary>One of <paramref name="allowed"/> (a string field).</summary>
    public string Choice(string name, string fallback, params string[] allowed)
    {
        if (Optional(name) is not { } value) return fallback;
        if (value.ValueKind == JsonValueKind.String && allowed.Contains(value.GetString())) return value.GetString()!;
        throw Error($"\"{name}\" is {value.GetRawText()}; use one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}.");
    }

    /// <summary>Fails on a field not in <paramref name="allowed"/> (besides "type"), listing the fields this layer type takes.</summary>
    public void CheckKnown(IReadOnlyList<string> allowed)
    {
        foreach (var property in _element.EnumerateObject())
            if (property.Name != "type" && !allowed.Contains(property.Name))
                throw Error($"unknown field \"{property.Name}\"; this layer takes {string.Join(", ", allowed.Select(r => $"\"{r}\""))}.");
    }

    private JsonElement? Optional(string name)
    {
        return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    private InvalidDataException Missing(string name, string what) => Error($"\"{name}\" is required: {what}.");

    private static bool IsPositiveInt(JsonElement e) => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int n) && n > 0;
}

/// <summary>The activation names of architecture files.</summary>
internal static class ActivationNames
{
    private static readonly (string Name, Activation Value)[] Table =
    [
        ("none", Layers.Activation.None), ("relu", Layers.Activation.Relu), ("leaky-relu", Layers.Activation.LeakyRelu),
        ("elu", Layers.Activation.Elu), ("sigmoid", Layers.Activation.Sigmoid), ("tanh", Layers.Activation.Tanh),
        ("softmax", Layers.Activation.Softmax),
    ];

    public static string All { get; } = string.Join(", ", Table.Select(t => $"\"{t.Name}\""));

    public static bool TryParse(string name, out Activation activation)
    {
        foreach (var (n, value) in Table)
        {
            if (n != name) continue;
            activation = value;
            return true;
        }
        activation = default;
        return false;
    }
}
