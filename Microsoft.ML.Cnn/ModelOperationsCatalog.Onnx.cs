// mlContext.Model.ConvertToOnnx: a fitted pipeline's Cnn model, with its pixel normalization and output head, as ONNX.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Onnx;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn;

public sealed partial class ModelOperationsCatalog
{
    /// <summary>
    /// Writes the ONNX model (IR version 8, opset 17) of <paramref name="model"/>'s Cnn scoring step together with the
    /// normalization steps between pixel extraction and it (NormalizeImageChannels, affine NormalizeMinMax /
    /// NormalizeMeanVariance, ExtractPixels' offset and scale) and the task's head: multiclass <c>Score</c> = softmax
    /// probabilities; binary <c>Score</c> = the logit and <c>Probability</c> its sigmoid; regression <c>Score</c>.
    /// The ONNX input is named after the column it stands for (usually the feature column) and has shape [N, C, H, W];
    /// after an ExtractPixels step it takes raw pixel values (0 to 255) as ExtractPixels writes them with offset 0 and
    /// scale 1. Steps the model does not contain (image loading and resizing, key mapping) are left to the caller;
    /// the returned report, also written to the log, lists every step's fate.
    /// </summary>
    /// <param name="model">A fitted chain (or a single fitted Cnn model).</param>
    /// <param name="inputData">Data of the schema the model is applied to (only its schema is read).</param>
    /// <param name="stream">Where the model is written (left open).</param>
    /// <exception cref="ArgumentException">The chain has no Cnn scoring step.</exception>
    /// <exception cref="NotSupportedException">The network has a layer with no ONNX mapping (the message names it).</exception>
    public OnnxConversionReport ConvertToOnnx(ITransformer model, IDataView inputData, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputData);
        ArgumentNullException.ThrowIfNull(stream);
        var report = OnnxPipelineExporter.Export(model, inputData.Schema, stream);
        _context.WriteLog(nameof(ConvertToOnnx), ChannelMessageKind.Info, report.ToString());
        return report;
    }
}
