// Binary classification with a CNN: tells Fashion-MNIST's shirts from T-shirts/tops (the pair of classes most often
// confused), with a sigmoid head: Score (logit), Probability and a Boolean PredictedLabel, evaluated with AUC, F1 etc.
// Run: dotnet run -c Release --project examples/BinaryClassification [-- --epochs N --backend managed|onednn]
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Examples;
using Microsoft.ML.Cnn.Trainers;

const string Usage = """
    Trains a binary CNN classifier (Shirt vs T-shirt/top) on Fashion-MNIST and evaluates it.
    Options:
      --epochs N         passes over the training images (default 5)
      --data DIR         Fashion-MNIST IDX files (default /usr/share/datasets/fashion-mnist; else the embedded subset)
      --backend auto|managed|onednn   (default auto)
      --help             show this text
    """;

int epochs;
string dataDirectory;
Microsoft.ML.Cnn.Backends.BackendKind backend;
try
{
    var commandLine = new CommandLine(args);
    if (commandLine.WantsHelp) { Console.WriteLine(Usage); return 0; }
    epochs = commandLine.PositiveInt("--epochs", 5);
    dataDirectory = commandLine.Text("--data", FashionMnist.DefaultDirectory);
    backend = commandLine.Backend();
    commandLine.CheckAllKnown();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

var ml = new MLContext(seed: 1);
var (train, test, _) = FashionMnist.LoadDataViews(ml, dataDirectory, Console.WriteLine);

// Keep two classes and turn the key label into a Boolean: true for Shirt (key 7 = label 6), false for T-shirt/top (key 1).
const uint TShirt = 1, Shirt = 7;
IDataView TwoClasses(IDataView data) => ml.Data.LoadFromEnumerable(
    ml.Data.CreateEnumerable<FashionRow>(data, reuseRowObject: false)
        .Where(r => r.Label is TShirt or Shirt)
        .Select(r => new BinaryRow { Features = r.Features, Label = r.Label == Shirt })
        .ToList());
var binaryTrain = TwoClasses(train);
var binaryTest = TwoClasses(test);
Console.WriteLine($"{binaryTrain.GetRowCount():N0} training and {binaryTest.GetRowCount():N0} test images of shirts and T-shirts/tops.");

var trainer = ml.BinaryClassification.Trainers.Cnn(new CnnBinaryTrainer.Options
{
    MaxEpoch = epochs,
    BatchSize = 64,
    Backend = backend,
    Progress = new ConsoleProgress(),
});
var model = trainer.Fit(binaryTrain);
var metrics = ml.BinaryClassification.Evaluate(model.Transform(binaryTest));
Console.WriteLine();
Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());
Console.WriteLine($"Accuracy {metrics.Accuracy:P2}, AUC {metrics.AreaUnderRocCurve:F4}, AUPRC {metrics.AreaUnderPrecisionRecallCurve:F4}, F1 {metrics.F1Score:F4}");
Console.WriteLine($"Shirt precision {metrics.PositivePrecision:P1} recall {metrics.PositiveRecall:P1}; T-shirt precision {metrics.NegativePrecision:P1} recall {metrics.NegativeRecall:P1}; log-loss {metrics.LogLoss:F4} bits.");
return 0;

/// <summary>A Fashion-MNIST row as LoadDataViews gives it.</summary>
internal sealed class FashionRow
{
    [VectorType(1, 28, 28)] public float[] Features = [];
    [KeyType(10)] public uint Label { get; set; }
}

/// <summary>A two-class row: true = Shirt.</summary>
internal sealed class BinaryRow
{
    [VectorType(1, 28, 28)] public float[] Features = [];
    public bool Label;
}
