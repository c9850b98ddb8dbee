// Scores every image in a folder with a saved pipeline (e.g. from examples/ImageFolder) and writes a CSV: the image
// path, the predicted class and its probability, then one column per class. Transform scores in batches, so this
// runs at the engine's batched inference speed.
// Run: dotnet run -c Release --project examples/ScoreFolder -- --model image-classifier.zip --images DIR [--output predictions.csv]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Examples;

const string Usage = """
    Scores the images in a folder (searched recursively) with a fitted pipeline saved by mlContext.Model.Save.
    Options:
      --model PATH       the saved pipeline (required), e.g. image-classifier.zip from examples/ImageFolder
      --images DIR       the images to score (required)
      --output PATH      the CSV to write (default predictions.csv)
      --help             show this text
    """;

string modelPath, imageFolder, output;
try
{
    var commandLine = new CommandLine(args);
    if (commandLine.WantsHelp) { Console.WriteLine(Usage); return 0; }
    modelPath = commandLine.RequiredText("--model");
    imageFolder = commandLine.RequiredText("--images");
    output = commandLine.Text("--output", "predictions.csv");
    commandLine.CheckAllKnown();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

var ml = new MLContext(seed: 1);
var model = ml.Model.Load(modelPath, out var inputSchema);
// The pipeline was fitted on rows of ImagePath and Label; the label is unknown here, so every row gets an empty
// one (MapValueToKey maps it to the missing key, which scoring ignores).
var images = ml.Data.LoadFromImageFolder(imageFolder, useFolderNameAsLabel: false, useFullPath: true);
if (inputSchema?.GetColumnOrNull("Label") is not null)
    images = ml.Data.LoadFromEnumerable(ml.Data.CreateEnumerable<PathRow>(images, reuseRowObject: false).Select(r => new ImageRow { ImagePath = r.ImagePath }));

var clock = Stopwatch.StartNew();
var scored = model.Transform(images);
var scoreColumn = scored.Schema["Score"];
VBuffer<ReadOnlyMemory<char>> slotNames = default;
scoreColumn.Annotations.GetValue(AnnotationKinds.SlotNames, ref slotNames);
var classes = slotNames.DenseValues().Select(n => n.ToString()).ToArray();

using var writer = new StreamWriter(output, append: false, new UTF8Encoding(false));
writer.WriteLine(string.Join(',', new[] { "ImagePath", "PredictedClass", "Probability" }.Concat(classes).Select(Csv)));
int rows = 0;
foreach (var row in ml.Data.CreateEnumerable<ScoredRow>(scored, reuseRowObject: true))
{
    var fields = new List<string> { Csv(row.ImagePath), Csv(row.PredictedClass), row.Score.Max().ToString("F6", CultureInfo.InvariantCulture) };
    fields.AddRange(row.Score.Select(s => s.ToString("F6", CultureInfo.InvariantCulture)));
    writer.WriteLine(string.Join(',', fields));
    rows++;
}
Console.WriteLine($"Scored {rows:N0} images in {clock.Elapsed.TotalSeconds:F1} s ({rows / clock.Elapsed.TotalSeconds:N0} images/s, decoding included); wrote {Path.GetFullPath(output)}.");
return 0;

// RFC 4180 quoting: fields with commas, quotes or line breaks are quoted, quotes doubled.
static string Csv(string field) =>
    field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

/// <summary>A listed image.</summary>
internal sealed class PathRow
{
    public string ImagePath = "";
}

/// <summary>The input the pipeline was fitted on, with the label left empty.</summary>
internal sealed class ImageRow
{
    public string ImagePath = "";
    public string Label = "";
}

/// <summary>What is read back from each scored row.</summary>
internal sealed class ScoredRow
{
    public string ImagePath = "";
    public string PredictedClass = "";
    public float[] Score = [];
}
