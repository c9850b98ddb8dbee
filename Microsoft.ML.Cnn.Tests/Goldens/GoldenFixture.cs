// Loads one PyTorch golden case written by tools/make_goldens.py: a JSON manifest plus a float32
// little-endian blob (format documented in TestData/Goldens/README.md).
using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Tests.Goldens;

/// <summary>One named tensor of a golden case, in canonical row-major layout.</summary>
internal sealed record GoldenTensor(string Name, Shape Shape, float[] Data);

/// <summary>An input of the tested op, in the op's input order.</summary>
internal sealed record GoldenInput(string Name, bool Batched, bool Differentiable);

/// <summary>Passes when |actual - expected| &lt;= Absolute + Relative * |expected| for every element.</summary>
internal sealed record GoldenTolerance(double Absolute, double Relative);

/// <summary>A golden case: what was computed, with which attributes, and every tensor PyTorch produced.</summary>
internal sealed class GoldenFixture
{
    private readonly Dictionary<string, GoldenTensor> _tensors;
    private readonly JsonElement _manifest;

    private GoldenFixture(JsonElement manifest, Dictionary<string, GoldenTensor> tensors)
    {
        _manifest = manifest;
        _tensors = tensors;
        Case = manifest.GetProperty("case").GetString()!;
        Op = manifest.GetProperty("op").GetString()!;
        Attributes = manifest.GetProperty("attributes");
        Inputs = manifest.GetProperty("inputs").EnumerateArray()
            .Select(i => new GoldenInput(i.GetProperty("name").GetString()!, i.GetProperty("batched").GetBoolean(), i.GetProperty("differentiable").GetBoolean()))
            .ToArray();
        Outputs = manifest.GetProperty("outputs").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Upstream = ReadMap(manifest.GetProperty("upstream"));
        Gradients = ReadMap(manifest.GetProperty("gradients"));
        ForwardTolerance = ToleranceFor("forward");
        GradientTolerance = ToleranceFor("gradient");
    }

    /// <summary>The folder the fixtures are copied to next to the test assembly.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData", "Goldens");

    public string Case { get; }

    public string Op { get; }

    public JsonElement Attributes { get; }

    public IReadOnlyList<GoldenInput> Inputs { get; }

    public IReadOnlyList<string> Outputs { get; }

    /// <summary>Output name to the tensor holding its upstream gradient.</summary>
    public IReadOnlyDictionary<string, string> Upstream { get; }

    /// <summary>Differentiable input name to the tensor holding its expected gradient.</summary>
    public IReadOnlyDictionary<string, string> Gradients { get; }

    public GoldenTolerance ForwardTolerance { get; }

    public GoldenTolerance GradientTolerance { get; }

    /// <summary>The stems of every case in <paramref name="folder"/> (e.g. "ops"), sorted.</summary>
    public static IEnumerable<string> CaseNames(string folder)
    {
        string directory = Path.Combine(Root, folder);
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"No golden fixtures in {directory}; the test project copies TestData/** to its output, rebuild it.");
        return Directory.GetFiles(directory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;
    }

    /// <summary>Loads "<paramref name="folder"/>/<paramref name="caseName"/>.json" and its blob.</summary>
    public static GoldenFixture Load(string folder, string caseName)
    {
        string stem = Path.Combine(Root, folder, caseName);
        using var document = JsonDocument.Parse(File.ReadAllText(stem + ".json"));
        var manifest = document.RootElement.Clone();
        int format = manifest.GetProperty("format").GetInt32();
        if (format != 1) throw new InvalidDataException($"{stem}.json has format {format}; this loader reads format 1.");
        byte[] blob = File.ReadAllBytes(stem + ".bin");
        var tensors = new Dictionary<string, GoldenTensor>();
        foreach (var entry in manifest.GetProperty("tensors").EnumerateArray())
        {
            string name = entry.GetProperty("name").GetString()!;
            var shape = new Shape(entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray());
            int offset = entry.GetProperty("offset").GetInt32(), length = entry.GetProperty("length").GetInt32();
            if (length != shape.ElementCount || (offset + (long)length) * sizeof(float) > blob.Length)
                throw new InvalidDataException($"{stem}: tensor '{name}' {shape} at [{offset}, {offset + length}) does not fit the {blob.Length}-byte blob.");
            var data = new float[length];
            for (int i = 0; i < length; i++)
                data[i] = BinaryPrimitives.ReadSingleLittleEndian(blob.AsSpan((offset + i) * sizeof(float), sizeof(float)));
            tensors.Add(name, new GoldenTensor(name, shape, data));
        }
        return new GoldenFixture(manifest, tensors);
    }

    /// <summary>The tensor with this name; throws naming the case and the tensors it has.</summary>
    public GoldenTensor Tensor(string name) =>
        _tensors.TryGetValue(name, out var tensor)
            ? tensor
            : throw new KeyNotFoundException($"Golden case '{Case}' has no tensor '{name}'; it has {string.Join(", ", _tensors.Keys)}.");

    /// <summary>A named tolerance of the manifest ("forward", "gradient", or "update" for the training step).</summary>
    public GoldenTolerance ToleranceFor(string kind) =>
        _manifest.GetProperty("tolerance").TryGetProperty(kind, out var t)
            ? ReadTolerance(t)
            : throw new KeyNotFoundException($"Golden case '{Case}' states no '{kind}' tolerance.");

    /// <summary>A top-level manifest field beyond the common ones (e.g. "optimizers" of the training step).</summary>
    public JsonElement Field(string name) => _manifest.GetProperty(name);

    public int Int(string attribute) => Attributes.GetProperty(attribute).GetInt32();

    public int[] Ints(string attribute) => Attributes.GetProperty(attribute).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public float Float(string attribute) => Attributes.GetProperty(attribute).GetSingle();

    public bool Bool(string attribute) => Attributes.GetProperty(attribute).GetBoolean();

    public string String(string attribute) => Attributes.GetProperty(attribute).GetString()!;

    /// <summary>A float list attribute, or null where the manifest has null.</summary>
    public float[]? FloatsOrNull(string attribute)
    {
        var value = Attributes.GetProperty(attribute);
        return value.ValueKind == JsonValueKind.Null ? null : value.EnumerateArray().Select(e => e.GetSingle()).ToArray();
    }

    public override string ToString() => Case;

    private static Dictionary<string, string> ReadMap(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static GoldenTolerance ReadTolerance(JsonElement element) =>
        new(element.GetProperty("abs").GetDouble(), element.GetProperty("rel").GetDouble());
}
