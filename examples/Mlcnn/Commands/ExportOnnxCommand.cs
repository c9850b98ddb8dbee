// `mlcnn export-onnx`: a model zip in; its network with pixel normalization and softmax as one ONNX file out
// (ml.Model.ConvertToOnnx), with what the ONNX model takes and which steps the caller still has to run.
using System.CommandLine;
using Microsoft.ML.Cnn.Mlcnn.Pipelines;
using Microsoft.ML.Cnn.Mlcnn.Terminal;

namespace Microsoft.ML.Cnn.Mlcnn.Commands;

/// <summary>Defines and runs <c>mlcnn export-onnx</c>.</summary>
internal static class ExportOnnxCommand
{
    public static Command Create(CommandConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "The model zip (from 'mlcnn train').", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "The ONNX file to write [default: the model path with .onnx]." };
        var command = new Command("export-onnx", "Export a model's network (with its pixel normalization and softmax) as ONNX, for ML.NET's ApplyOnnxModel or ONNX Runtime.")
        {
            model, output,
        };
        command.SetAction(result => CommandRunner.Run(console, "export-onnx", () =>
        {
            string modelPath = result.GetValue(model)!;
            return Execute(console, modelPath, result.GetValue(output) ?? Path.ChangeExtension(modelPath, ".onnx"));
        }));
        return command;
    }

    private static ExitCode Execute(CommandConsole console, string modelPath, string outputPath)
    {
        var ml = DataOptions.CreateContext(console, seed: 1);
        var model = LoadedModel.Load(ml, modelPath);
        var schema = model.InputSchema
            ?? throw new UsageException($"The model '{modelPath}' was saved without its input schema, which ONNX export needs; save it with ml.Model.Save(model, data.Schema, path).");
        OutputFiles.CreateFolderOf(outputPath);
        // Written beside the target and moved over it, so a failed export leaves no partial file.
        string partial = outputPath + ".partial";
        Onnx.OnnxConversionReport report;
        try
        {
            using (var file = File.Create(partial)) report = ml.Model.ConvertToOnnx(model.Model, new SchemaOnlyDataView(schema), file);
            File.Move(partial, outputPath, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        console.WriteLine(report.ToString());
        console.WriteLine($"Wrote {Path.GetFullPath(outputPath)} ({new FileInfo(outputPath).Length:N0} bytes).");
        return ExitCode.Ok;
    }
}
