// Writes ONNX check cases (model.onnx, case.json, raw float32 inputs and the library's outputs) and runs
// tools/check_onnx.sh on them: the ONNX checker and ONNX Runtime, independent of this library.
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.ML.Cnn.Tests.TestSupport;

namespace Microsoft.ML.Cnn.Tests.Onnx;

/// <summary>A named float32 tensor of a check case.</summary>
internal sealed record CaseTensor(string Name, int[] Dims, float[] Values);

internal static class OnnxRuntimeCheck
{
    /// <summary>Set to 1 to report the ONNX Runtime cases as inconclusive where the tools cannot be installed (no apt or npm registry).</summary>
    public const string SkipVariable = "MLCNN_SKIP_ONNX_CHECK";

    /// <summary>Set to a folder to keep the cases there (for tools/check_onnx.sh by hand); otherwise a temporary folder is used and removed.</summary>
    public const string KeepVariable = "MLCNN_ONNX_CASES";

    /// <summary>Writes one case folder <paramref name="folder"/>/<paramref name="name"/>, checked to an absolute tolerance of 1e-4.</summary>
    public static string Write(string folder, string name, byte[] model, CaseTensor input, params CaseTensor[] outputs) =>
        Write(folder, name, model, 1e-4, input, outputs);

    /// <summary>Writes one case folder whose outputs must agree within <paramref name="tolerance"/> (max absolute difference).</summary>
    public static string Write(string folder, string name, byte[] model, double tolerance, CaseTensor input, params CaseTensor[] outputs)
    {
        string dir = Path.Combine(folder, name);
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "model.onnx"), model);
        object Describe(CaseTensor t)
        {
            if (t.Values.Length != t.Dims.Aggregate(1, (a, b) => a * b)) throw new ArgumentException($"{t.Name}: {t.Values.Length} values for dims [{string.Join(", ", t.Dims)}].");
            string file = $"{t.Name}.f32";
            File.WriteAllBytes(Path.Combine(dir, file), MemoryMarshal.AsBytes(t.Values.AsSpan()).ToArray()); // little-endian hosts only, as .NET on x64/arm64
            return new { name = t.Name, dims = t.Dims, file };
        }
        var spec = new { name, tolerance, inputs = new[] { Describe(input) }, outputs = outputs.Select(Describe).ToArray() };
        File.WriteAllText(Path.Combine(dir, "case.json"), JsonSerializer.Serialize(spec, new JsonSerializerOptions { WriteIndented = true }));
        return dir;
    }

    /// <summary>Runs tools/check_onnx.sh on <paramref name="caseDir"/>; fails with its output unless every check passes.</summary>
    public static string Run(string caseDir)
    {
        var result = RepositoryTools.Run("bash", [RepositoryTools.PathOf("check_onnx.sh"), caseDir], TimeSpan.FromMinutes(10));
        string output = result.Output;
        if (result.TimedOut) Assert.Fail($"tools/check_onnx.sh took more than 10 minutes.\n{output}");
        Console.WriteLine(output);
        if (result.ExitCode == 2 && Environment.GetEnvironmentVariable(SkipVariable) == "1")
            Assert.Inconclusive($"The ONNX tools could not be installed and {SkipVariable}=1:\n{output}");
        Assert.AreEqual(0, result.ExitCode, result.ExitCode == 2
            ? $"tools/check_onnx.sh could not install its tools (python3-onnx with apt, onnxruntime-node with npm); set {SkipVariable}=1 to skip these cases where the registries are out of reach.\n{output}"
            : $"tools/check_onnx.sh failed:\n{output}");
        return output;
    }

    /// <summary>A fresh folder for cases: under <see cref="KeepVariable"/> when set, else in the temporary folder.</summary>
    public static string CaseFolder() =>
        Environment.GetEnvironmentVariable(KeepVariable) is { Length: > 0 } keep
            ? Directory.CreateDirectory(keep).FullName
            : Directory.CreateTempSubdirectory("mlcnn-onnx-").FullName;

    /// <summary>Removes <paramref name="folder"/> unless the cases are kept.</summary>
    public static void Clean(string folder)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(KeepVariable))) Directory.Delete(folder, recursive: true);
    }
}
