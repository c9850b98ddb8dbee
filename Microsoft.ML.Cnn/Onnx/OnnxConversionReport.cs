// What ConvertToOnnx exported: the model's input and outputs, and each pipeline step's fate, for the log and the caller.
using System.Text;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Onnx;

/// <summary>
/// The result of <c>mlContext.Model.ConvertToOnnx</c>: the ONNX model's input (name, per-sample shape, what to feed
/// it), its outputs, the pipeline steps it contains and those it leaves out (with the reason). Its
/// <see cref="ToString"/> is what the conversion writes to <see cref="MLContext.Log"/>.
/// </summary>
public sealed class OnnxConversionReport
{
    internal OnnxConversionReport(string inputName, Shape inputShape, string inputDescription, IReadOnlyList<string> outputNames,
        IReadOnlyList<string> exportedSteps, IReadOnlyList<string> notExportedSteps)
    {
        InputName = inputName;
        InputShape = inputShape;
        InputDescription = inputDescription;
        OutputNames = outputNames;
        ExportedSteps = exportedSteps;
        NotExportedSteps = notExportedSteps;
    }

    /// <summary>The model's input tensor, named after the pipeline column it stands for; its shape is [N, <see cref="InputShape"/>].</summary>
    public string InputName { get; }

    /// <summary>The per-sample input shape, e.g. (3, 32, 32).</summary>
    public Shape InputShape { get; }

    /// <summary>What to feed the input, e.g. raw pixel values as ExtractPixels writes them with offset 0 and scale 1.</summary>
    public string InputDescription { get; }

    /// <summary>The output tensors: "Score" (and "Probability" for binary classifiers), shaped [N, K] or [N, 1].</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>The steps in the model, each with how it was exported.</summary>
    public IReadOnlyList<string> ExportedSteps { get; }

    /// <summary>The steps left out, each with why (and what the caller does instead).</summary>
    public IReadOnlyList<string> NotExportedSteps { get; }

    /// <summary>A few lines: input, outputs, exported steps, steps left out.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("ONNX input '").Append(InputName).Append("' [N, ").Append(string.Join(", ", InputShape)).Append("]: ").AppendLine(InputDescription);
        text.Append("ONNX outputs: ").AppendLine(string.Join(", ", OutputNames.Select(n => $"'{n}'")));
        text.AppendLine("Exported:");
        foreach (string step in ExportedSteps) text.Append("  ").AppendLine(step);
        text.AppendLine("Not exported:");
        foreach (string step in NotExportedSteps) text.Append("  ").AppendLine(step);
        return text.ToString().TrimEnd();
    }
}
