// The main job: Fashion-MNIST through the ML.NET-shaped pipeline. Loads the IDX files (or the embedded subset),
// trains a CNN with mlContext.MulticlassClassification.Trainers.Cnn, evaluates it, saves the fitted pipeline as one
// zip, reloads it and predicts single images with a prediction engine.
// Run: dotnet run -c Release --project examples/FashionMnist [-- --recipe long]
using FashionMnistExample;
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Optimizers.Schedules;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Examples;

ExampleArguments? arguments;
try
{
    arguments = ExampleArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(ExampleArguments.Usage);
    return 2;
}
if (arguments is null)
{
    Console.WriteLine(ExampleArguments.Usage);
    return 0;
}

var ml = new MLContext(seed: (int)arguments.Seed);
ml.Log += (_, e) => { if (e.Kind != ChannelMessageKind.Trace) Console.WriteLine($"[{e.Source}] {e.RawMessage}"); };

var (train, test, isSubset) = arguments.UseSubset
    ? FashionMnist.LoadDataViews(ml, "/nonexistent", Console.WriteLine)
    : FashionMnist.LoadDataViews(ml, arguments.DataDirectory, Console.WriteLine);
Console.WriteLine($"Training on {train.GetRowCount():N0} images, testing on {test.GetRowCount():N0}{(isSubset ? " (embedded subset)" : "")}.");

// Features: Vector<Single, 1, 28, 28> in [0, 1]; Label: a key whose values are the class names.
bool isLong = arguments.Recipe == Recipe.Long;
int epochs = arguments.Epochs ?? (isLong ? 20 : 5);
var options = new CnnMulticlassTrainer.Options
{
    Architecture = isLong
        ? CnnArchitecture.FromFactory((shape, classes) => SeedCnnBatchNorm.Create([.. shape], classes, dropoutRate: 0.25f, seed: arguments.Seed))
        : ArchitecturePreset.SeedCnn,
    // Batch norm tolerates a larger rate (annealed by the cosine schedule after one warm-up epoch); dropout and
    // decoupled weight decay hold back the overfitting that 20 epochs bring.
    Optimizer = isLong ? new AdamW(2e-3f, decoupledWeightDecay: 0.05f) : new Adam(1e-3f),
    LearningRateSchedule = isLong ? new CosineDecay(epochs, minLearningRate: 1e-5f, warmupEpochs: epochs > 1 ? 1 : 0) : new ConstantSchedule(),
    MaxEpoch = epochs,
    BatchSize = arguments.BatchSize ?? 128,
    // The test set doubles as validation data, as in Keras's MNIST example, so each epoch reports test metrics.
    ValidationSet = test,
    Backend = arguments.Backend,
    Progress = new ConsoleProgress(),
};
var trainer = ml.MulticlassClassification.Trainers.Cnn(options);
var toClassNames = ml.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel");
IEstimator<ITransformer> pipeline = isLong
    // Clothing is left-right symmetric: a mirrored image is a new, valid sample. The flip acts only while fitting.
    ? ml.Transforms.RandomHorizontalFlip("Features").Append(trainer).Append(toClassNames)
    : trainer.Append(toClassNames);
Console.WriteLine($"Recipe {arguments.Recipe}: {options.Architecture}, {options.Optimizer}, {options.LearningRateSchedule}, batch {options.BatchSize}, {epochs} epochs.");

var started = DateTime.UtcNow;
var model = pipeline.Fit(train);
Console.WriteLine($"Trained in {DateTime.UtcNow - started:mm\\:ss}.");

var metrics = ml.MulticlassClassification.Evaluate(model.Transform(test));
Console.WriteLine();
Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());
Console.WriteLine($"Test accuracy: {metrics.MicroAccuracy:P2} (macro {metrics.MacroAccuracy:P2}), log-loss {metrics.LogLoss:F4}, log-loss reduction {metrics.LogLossReduction:P1}.");

ml.Model.Save(model, train.Schema, arguments.ModelPath);
Console.WriteLine($"Saved the fitted pipeline to {Path.GetFullPath(arguments.ModelPath)}.");
var reloaded = ml.Model.Load(arguments.ModelPath, out _);
var reloadedMetrics = ml.MulticlassClassification.Evaluate(reloaded.Transform(test));
Console.WriteLine($"Reloaded model test accuracy: {reloadedMetrics.MicroAccuracy:P2}");

using var engine = ml.Model.CreatePredictionEngine<FashionImage, FashionPrediction>(reloaded);
var first = ml.Data.CreateEnumerable<FashionImage>(test, reuseRowObject: false).Take(3);
foreach (var image in first)
{
    var prediction = engine.Predict(image);
    Console.WriteLine($"An image labelled '{FashionMnist.ClassNames[(int)image.Label - 1]}' is predicted '{prediction.PredictedClass}' ({prediction.Score.Max():P1}).");
}
return 0;

/// <summary>One input row: the pixels and the key label (1-based).</summary>
internal sealed class FashionImage
{
    [VectorType(1, 28, 28)] public float[] Features = [];
    [KeyType(10)] public uint Label { get; set; }
}

/// <summary>What the prediction engine reads back.</summary>
internal sealed class FashionPrediction
{
    public string PredictedClass = "";
    public float[] Score = [];
}

