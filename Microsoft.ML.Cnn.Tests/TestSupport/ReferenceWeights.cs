// The name-seeded reference weights of tools/torchvision_reference.py, bit for bit, and its fixtures
// (TestData/Torchvision/<model>.reference.json): full-size torchvision models checked without PyTorch or weight files.
using System.Text;
using System.Text.Json;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Persistence.SafeTensors;
using Microsoft.ML.Cnn.Transfer;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

/// <summary>A generated tensor: its torchvision name, shape, the generator's (offset, scale), and element 0 as Python made it.</summary>
public sealed record ReferenceTensor(string Name, Shape Shape, float Offset, float Scale, float FirstValue);

/// <summary>One fixture of tools/torchvision_reference.py (its docstring documents the format).</summary>
public sealed record TorchvisionFixture(string Model, ulong Seed, Shape InputShape, float[] InputFirstValues,
    IReadOnlyList<ReferenceTensor> Tensors, long ParameterCount, float[][] Logits, float LogitScale)
{
    /// <summary>Loads TestData/Torchvision/<paramref name="stem"/>.reference.json, e.g. "resnet18".</summary>
    public static TorchvisionFixture Load(string stem)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "Torchvision", stem + ".reference.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        int format = root.GetProperty("format").GetInt32();
        if (format != 1) throw new InvalidDataException($"{path} has format {format}; this loader reads format 1.");
        var input = root.GetProperty("input");
        if (input.GetProperty("offset").GetSingle() != 0f || input.GetProperty("scale").GetSingle() != 1f)
            throw new InvalidDataException($"{path}: the input is generated with (offset 0, scale 1).");
        var tensors = root.GetProperty("tensors").EnumerateArray().Select(t => new ReferenceTensor(
            t.GetProperty("name").GetString()!, ShapeOf(t), t.GetProperty("offset").GetSingle(), t.GetProperty("scale").GetSingle(),
            t.GetProperty("first_value").GetSingle())).ToArray();
        return new TorchvisionFixture(root.GetProperty("model").GetString()!, root.GetProperty("seed").GetUInt64(), ShapeOf(input),
            Floats(input.GetProperty("first_values")), tensors, root.GetProperty("parameter_count").GetInt64(),
            root.GetProperty("logits").EnumerateArray().Select(Floats).ToArray(), root.GetProperty("logit_scale").GetSingle());
    }

    /// <summary>The input batch: the tensor named "input" with (offset 0, scale 1).</summary>
    public float[] GenerateInput() => ReferenceWeights.Generate("input", InputShape.ElementCount, 0f, 1f, Seed);

    private static Shape ShapeOf(JsonElement tensor) => new(tensor.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray());

    private static float[] Floats(JsonElement array) => array.EnumerateArray().Select(v => v.GetSingle()).ToArray();
}

/// <summary>The generator (splitmix64 over FNV-1a of the tensor name) and the import of a fixture's weights into a network.</summary>
public static class ReferenceWeights
{
    /// <summary>
    /// Element i of the tensor <paramref name="name"/>: z = key + (i+1)·0x9E3779B97F4A7C15 with key = FNV-1a-64(UTF-8
    /// name) ^ seed, splitmix64's finalizer, u = (z &gt;&gt; 40)·2^-24, v = (2u - 1)·scale + offset in float32.
    /// </summary>
    public static float[] Generate(string name, int count, float offset, float scale, ulong seed)
    {
        var values = new float[count];
        ulong key = Fnv1a64(name) ^ seed;
        for (int i = 0; i < values.Length; i++)
        {
            ulong z = unchecked(key + (ulong)(i + 1) * 0x9E3779B97F4A7C15UL);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            z ^= z >> 31;
            float u = (z >> 40) * (1f / 16777216f);
            float t = 2f * u - 1f;
            float scaled = t * scale; // rounded on its own: the Python tool rounds each float32 operation
            values[i] = scaled + offset;
        }
        return values;
    }

    /// <summary>
    /// Generates every tensor of <paramref name="fixture"/> under its torchvision name, writes them as a safetensors file
    /// (as tools/export_safetensors.py would) and imports that file into <paramref name="network"/> with
    /// <see cref="TorchWeights.Load(Network, string, TorchImportOptions?)"/>: the whole path a user's weights take.
    /// </summary>
    public static WeightTransferReport Import(TorchvisionFixture fixture, Network network)
    {
        var writer = new SafeTensorsWriter();
        foreach (var tensor in fixture.Tensors)
            writer.Add(tensor.Name, tensor.Shape.ToArray(), Generate(tensor.Name, tensor.Shape.ElementCount, tensor.Offset, tensor.Scale, fixture.Seed));
        string path = Path.Combine(Path.GetTempPath(), $"mlcnn-{fixture.Model}-{Guid.NewGuid():N}.safetensors");
        try
        {
            writer.Save(path);
            return TorchWeights.Load(network, path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ulong Fnv1a64(string text)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text)) hash = unchecked((hash ^ b) * 0x100000001B3UL);
        return hash;
    }
}
