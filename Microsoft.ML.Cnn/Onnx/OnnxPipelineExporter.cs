// ConvertToOnnx's work: finds the chain's Cnn scoring step, the normalization steps feeding it and the task's head,
// and exports them as one ONNX model, reporting what became of every step.
using System.Text.Json;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Trainers;

namespace Microsoft.ML.Cnn.Onnx;

internal static class OnnxPipelineExporter
{
    /// <summary>Writes the ONNX model of <paramref name="model"/>, applied to data of <paramref name="inputSchema"/>, to <paramref name="stream"/>.</summary>
    public static OnnxConversionReport Export(ITransformer model, DataViewSchema inputSchema, Stream stream)
    {
        var (onnx, report) = Convert(model, inputSchema);
        OnnxModelWriter.Write(onnx, stream);
        return report;
    }

    /// <summary>The ONNX model of <paramref name="model"/> and the report of what it contains.</summary>
    internal static (OnnxModel Model, OnnxConversionReport Report) Convert(ITransformer model, DataViewSchema inputSchema)
    {
        var steps = new List<ITransformer>();
        Flatten(model, steps);
        int scorerIndex = steps.FindLastIndex(s => s is CnnPredictionTransformerBase);
        if (scorerIndex < 0)
            throw new ArgumentException($"The model has no Cnn scoring step (the transformer a Trainers.Cnn(...) estimator fits); its steps are " +
                $"{string.Join(", ", steps.Select(OnnxStepNames.Describe))}. ConvertToOnnx exports a fitted Cnn model with the normalization steps before it.", nameof(model));
        var scorer = (CnnPredictionTransformerBase)steps[scorerIndex];

        var schemas = new DataViewSchema[scorerIndex + 1];
        schemas[0] = inputSchema;
        for (int i = 0; i < scorerIndex; i++) schemas[i + 1] = steps[i].GetOutputSchema(schemas[i]);
        var path = OnnxFeaturePath.Find(steps, schemas, scorerIndex, scorer.FeatureColumnName);

        var (task, head, outputs, metadata) = Task(scorer);
        metadata["input"] = path.InputDescription;
        var exported = new List<string>();
        var notExported = new List<string>();
        for (int i = 0; i < steps.Count; i++)
        {
            if (i == scorerIndex) exported.Add($"{OnnxStepNames.Describe(scorer)}: the network ({scorer.Network.Layers.Count} layers), then {HeadText(head, outputs)}");
            else if (path.ExportedSteps.TryGetValue(i, out string? how)) exported.Add(how);
            else notExported.Add($"{OnnxStepNames.Describe(steps[i])}: {WhyLeftOut(i, scorerIndex, path)}");
        }
        var options = new OnnxExportOptions
        {
            InputName = path.InputColumn,
            OutputName = outputs[0],
            Head = head,
            ProbabilityOutputName = outputs.Count > 1 ? outputs[1] : "Probability",
            InputTransforms = path.Transforms,
            Metadata = metadata,
            Description = $"Microsoft.ML.Cnn {task} model. Input '{path.InputColumn}': {path.InputDescription}. Exported steps: {string.Join("; ", exported)}.",
        };
        return (OnnxExporter.CreateModel(scorer.Network, options),
            new OnnxConversionReport(path.InputColumn, scorer.Network.InputShape, path.InputDescription, outputs, exported, notExported));
    }

    private static void Flatten(ITransformer model, List<ITransformer> steps)
    {
        if (model is IEnumerable<ITransformer> chain)
        {
            foreach (var step in chain) Flatten(step, steps);
        }
        else steps.Add(model);
    }

    private static (string Task, OnnxOutputHead Head, IReadOnlyList<string> Outputs, Dictionary<string, string> Metadata) Task(CnnPredictionTransformerBase scorer)
    {
        var metadata = new Dictionary<string, string>();
        switch (scorer)
        {
            case CnnMulticlassPredictionTransformer multiclass:
                metadata["task"] = "multiclass";
                if (multiclass.LabelNames is { } names) metadata["class_names"] = JsonSerializer.Serialize(names);
                return ("multiclass", OnnxOutputHead.Softmax, [multiclass.ScoreColumnName], metadata);
            case CnnBinaryPredictionTransformer binary:
                metadata["task"] = "binary";
                return ("binary", OnnxOutputHead.Sigmoid, [binary.ScoreColumnName, binary.ProbabilityColumnName], metadata);
            case CnnRegressionPredictionTransformer regression:
                metadata["task"] = "regression";
                return ("regression", OnnxOutputHead.None, [regression.ScoreColumnName], metadata);
            default:
                throw new NotSupportedException($"{scorer.GetType().Name} is a Cnn scoring step of a task ONNX export does not know.");
        }
    }

    private static string HeadText(OnnxOutputHead head, IReadOnlyList<string> outputs) => head switch
    {
        OnnxOutputHead.Softmax => $"Softmax: '{outputs[0]}' holds the class probabilities (slot i is key i + 1; names in the metadata 'class_names')",
        OnnxOutputHead.Sigmoid => $"'{outputs[0]}' holds the logit and '{outputs[1]}' its Sigmoid",
        _ => $"'{outputs[0]}' holds the predicted value",
    };

    private static string WhyLeftOut(int index, int scorerIndex, OnnxFeaturePath path)
    {
        if (index > scorerIndex) return "after the Cnn scoring step; compute what it adds from the model's outputs (e.g. PredictedLabel = the arg-max of Score)";
        if (index == path.OriginIndex) return $"writes the model's input '{path.InputColumn}' and has no ONNX form here; run it before the model";
        if (index < path.OriginIndex) return "runs before the model's input; run it yourself when the input depends on it";
        return "does not touch the features; not needed to score";
    }
}
