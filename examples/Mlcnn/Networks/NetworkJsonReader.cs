// Reads an architecture file: {"layers": [ {"type": "conv", ...}, ... ]}. The layer types and their fields are the
// table in ReadLayer; the classifier (Dense with one unit per class) is appended by NetworkDescription, not written.
using System.Text.Json;
using Microsoft.ML.Cnn.Layers;

namespace Microsoft.ML.Cnn.Mlcnn.Networks;

/// <summary>Parses and validates architecture JSON.</summary>
internal static class NetworkJsonReader
{
    /// <summary>The layer types an architecture file may use, and the fields each takes besides "type".</summary>
    public static IReadOnlyDictionary<string, string[]> LayerFieldNames { get; } = new Dictionary<string, string[]>
    {
        ["conv"] = ["filters", "kernel", "stride", "padding", "dilation", "groups", "bias", "activation", "name"],
        ["pool"] = ["mode", "size", "stride", "padding", "ceilMode", "name"],
        ["dense"] = ["units", "activation", "bias", "name"],
        ["bn"] = ["momentum", "epsilon", "name"],
        ["lrn"] = ["size", "alpha", "beta", "k", "name"],
        ["dropout"] = ["rate", "name"],
        ["flatten"] = ["name"],
        ["global-avg-pool"] = ["name"],
        ["activation"] = ["function", "name"],
    };

    /// <summary>The "mode" names of a pooling layer.</summary>
    private static readonly Dictionary<string, PoolMode> PoolModes = new() { ["max"] = PoolMode.Max, ["avg"] = PoolMode.Average, ["l2"] = PoolMode.L2 };

    /// <summary>Reads the architecture file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or describes an invalid layer; the message names the file, layer and field.</exception>
    public static NetworkDescription ReadFile(string path) => Parse(File.ReadAllText(path), $"architecture file '{path}'");

    /// <summary>Parses architecture JSON; <paramref name="source"/> names it in messages.</summary>
    public static NetworkDescription Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The {source} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }
        using (document)
        {
            try
            {
                return new NetworkDescription(ReadLayers(document.RootElement));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"The {source}: {e.Message}", e);
            }
        }
    }

    private static List<LayerSpec> ReadLayers(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException("the top level must be an object {\"layers\": [...]}.");
        foreach (var property in root.EnumerateObject())
            if (property.Name is not ("layers" or "$schema" or "description"))
                throw new InvalidDataException($"unknown top-level field \"{property.Name}\"; the top level takes \"layers\" (and optionally \"description\").");
        if (!root.TryGetProperty("layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException("\"layers\" is missing or not an array; write {\"layers\": [{\"type\": \"conv\", \"filters\": 32, \"kernel\": 3}, ...]}.");
        if (layers.GetArrayLength() == 0)
            throw new InvalidDataException("\"layers\" is empty; list at least one layer (the classifier, a dense layer with one unit per class, is added after them).");
        var specs = new List<LayerSpec>();
        int index = 0;
        foreach (var layer in layers.EnumerateArray()) specs.Add(ReadLayer(layer, index++));
        return specs;
    }

    private static LayerSpec ReadLayer(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"layers[{index}] is {element.ValueKind.ToString().ToLowerInvariant()}; each layer is an object with a \"type\".");
        if (!element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            throw new InvalidDataException($"layers[{index}] has no \"type\"; use one of {TypeList}.");
        string type = typeElement.GetString()!;
        if (!LayerFieldNames.TryGetValue(type, out var fieldNames))
            throw new InvalidDataException($"layers[{index}] has type \"{type}\"; use one of {TypeList}.");
        var f = new LayerFields(element, $"layers[{index}] ({type})");
        f.CheckKnown(fieldNames);
        LayerSpec spec = type switch
        {
            "conv" => new ConvSpec(f.PositiveInt("filters"), f.Pair("kernel"), f.Pair("stride", 1), f.Padding(Padding.Valid), f.Pair("dilation", 1),
                f.PositiveInt("groups", 1), f.Bool("bias", true), f.Activation("activation", Activation.None), f.Name()),
            "pool" => new PoolSpec(PoolModes[f.Choice("mode", "max", [.. PoolModes.Keys])], f.Pair("size"), f.OptionalPair("stride"), f.Padding(Padding.Valid),
                f.Bool("ceilMode", false), f.Name()),
            "lrn" => new LocalResponseNormSpec(f.PositiveInt("size"), f.Float("alpha", 1e-4f, 0f, 1e6f, "in [0, 1e6]"), f.Float("beta", 0.75f, 0f, 100f, "in [0, 100]"),
                f.Float("k", 1f, 1e-12f, 1e6f, "in [1e-12, 1e6]"), f.Name()),
            "dense" => new DenseSpec(f.PositiveInt("units"), f.Activation("activation", Activation.None), f.Bool("bias", true), f.Name()),
            "bn" => new BatchNormSpec(f.Float("momentum", 0.1f, 0f, 1f, "in [0, 1]"), f.Float("epsilon", 1e-5f, 1e-12f, 1f, "in [1e-12, 1]"), f.Name()),
            "dropout" => new DropoutSpec(f.Float("rate", float.NaN, 0f, 0.999f, "in [0, 1)"), f.Name()),
            "flatten" => new FlattenSpec(f.Name()),
            "global-avg-pool" => new GlobalAvgPoolSpec(f.Name()),
            "activation" => new ActivationSpec(f.Activation("function", null), f.Name()),
            _ => throw new InvalidDataException($"layers[{index}] has type \"{type}\"; use one of {TypeList}."),
        };
        if (spec is PoolSpec { Mode: not PoolMode.Max, CeilMode: true })
            throw f.Error("\"ceilMode\" applies to max pooling only; remove it or use \"mode\": \"max\".");
        if (spec is DropoutSpec { Rate: float.NaN }) throw f.Error("\"rate\" is required: the fraction of activations dropped, in [0, 1).");
        if (spec is ActivationSpec { Function: Activation.None }) throw f.Error("\"function\" is \"none\", which does nothing; remove the layer or name a function.");
        return spec;
    }

    private static string TypeList => string.Join(", ", LayerFieldNames.Keys.Select(t => $"\"{t}\""));
}
