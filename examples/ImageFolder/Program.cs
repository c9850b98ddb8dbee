// Trains an image classifier on any folder of class subfolders (Keras's image_dataset_from_directory layout) with
// the pipeline API: load, resize, extract pixels, normalize per channel, augment (training only), train a small
// VGG-style CNN, evaluate, and save the fitted pipeline as one zip that examples/ScoreFolder can apply.
// Run: dotnet run -c Release --project examples/ImageFolder -- --train DIR [--test DIR] (see --help)
using System.Diagnostics;
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Examples;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Optimizers.Schedules;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Training;
using Microsoft.ML.Cnn.Transforms.Conversion;

const string Usage = """
    Trains a CNN on a folder with one subfolder of images per class, evaluates it and saves the fitted pipeline.
    Options:
      --train DIR        training images, one subfolder per class (required)
      --test DIR         test images in the same layout (default: 20% of --train, stratified)
      --size N           images are resized to N x N (default 32)
      --epochs N         passes over the training images (default 15)
      --batch N          images per step (default 64)
      --seed N           seed for weights, shuffling and augmentation (default 1)
      --backend auto|managed|onednn   (default auto)
      --output PATH      where to save the fitted pipeline (default image-classifier.zip)
      --help             show this text
    Example (CIFAR-10): tar -xzf ../shared/datasets/cifar10/train.tar.gz -C /tmp &&
      dotnet run -c Release --project examples/ImageFolder -- --train /tmp/train --test ../shared/datasets/cifar10/test
    """;

string trainFolder, output;
string? testFolder;
int size, epochs, batch, seed;
Microsoft.ML.Cnn.Backends.BackendKind backend;
try
{
    var commandLine = new CommandLine(args);
    if (commandLine.WantsHelp) { Console.WriteLine(Usage); return 0; }
    trainFolder = commandLine.RequiredText("--train");
    testFolder = commandLine.Text("--test");
    size = commandLine.PositiveInt("--size", 32);
    epochs = commandLine.PositiveInt("--epochs", 15);
    batch = commandLine.PositiveInt("--batch", 64);
    seed = commandLine.PositiveInt("--seed", 1);
    backend = commandLine.Backend();
    output = commandLine.Text("--output", "image-classifier.zip");
    commandLine.CheckAllKnown();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

var ml = new MLContext(seed);
ml.Log += (_, e) => { if (e.Kind != ChannelMessageKind.Trace) Console.WriteLine($"[{e.Source}] {e.RawMessage}"); };

// Full paths, so the one fitted pipeline loads training, test and (in ScoreFolder) new images wherever they are.
var all = ml.Data.LoadFromImageFolder(trainFolder, useFullPath: true);
IDataView train = all, test;
if (testFolder is null)
{
    var split = ml.Data.TrainTestSplit(all, testFraction: 0.2, seed: seed, stratificationColumnName: "Label");
    (train, test) = (split.TrainSet, split.TestSet);
}
else
{
    test = ml.Data.LoadFromImageFolder(testFolder, useFullPath: true);
}
Console.WriteLine(testFolder is null
    ? $"{all.GetRowCount():N0} images; 80% train, 20% test (stratified by class)."
    : $"{train.GetRowCount():N0} training images, {test.GetRowCount():N0} test images.");

var options = new CnnMulticlassTrainer.Options
{
    Architecture = CnnArchitecture.FromFactory((shape, classes) => SmallVggBatchNorm(shape, classes, seed)),
    MaxEpoch = epochs,
    BatchSize = batch,
    Optimizer = new AdamW(2e-3f, decoupledWeightDecay: 0.05f),
    LearningRateSchedule = new CosineDecay(epochs, minLearningRate: 1e-5f, warmupEpochs: epochs > 1 ? 1 : 0),
    Backend = backend,
    Progress = new ConsoleProgress(),
};
var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
    .Append(ml.Transforms.LoadImages("Image", imageFolder: null, "ImagePath"))
    .Append(ml.Transforms.ResizeImages("Image", size, size))
    .Append(ml.Transforms.ExtractPixels("Features", "Image", scaleImage: 1f / 255))
    .Append(ml.Transforms.NormalizeImageChannels("Features"))
    // Decode and normalize once; each epoch then reads the cached features. Augmentation comes after the cache
    // so every epoch draws new flips and crops.
    .AppendCacheCheckpoint(ml)
    .Append(ml.Transforms.RandomHorizontalFlip("Features"))
    .Append(ml.Transforms.RandomCrop("Features", padding: Math.Max(1, size / 8)))
    .Append(ml.MulticlassClassification.Trainers.Cnn(options))
    .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel"));

var clock = Stopwatch.StartNew();
var model = pipeline.Fit(train);
var trainingTime = clock.Elapsed;
clock.Restart();
var metrics = ml.MulticlassClassification.Evaluate(model.Transform(test));
var scoringTime = clock.Elapsed;

Console.WriteLine();
Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());
Console.WriteLine($"Test accuracy {metrics.MicroAccuracy:P2} (macro {metrics.MacroAccuracy:P2}), log-loss {metrics.LogLoss:F4}.");
long testImages = (long)metrics.ConfusionMatrix.Counts.Sum(row => row.Sum());
Console.WriteLine($"Training took {trainingTime:hh\\:mm\\:ss}; scoring {testImages:N0} test images (decode to prediction) took {scoringTime.TotalSeconds:F1} s.");
ml.Model.Save(model, train.Schema, output);
Console.WriteLine($"Saved the fitted pipeline to {Path.GetFullPath(output)}; score a folder with examples/ScoreFolder.");
return 0;

// A small VGG with batch norm: three blocks of two 3x3 conv + BN + ReLU and a 2x2 max pool, then global average
// pooling and the classifier (about 290k parameters; no big dense layer to overfit 32x32 images).
static Network SmallVggBatchNorm(Shape input, int classes, long seed)
{
    var layers = new List<Layer>();
    foreach (int width in new[] { 32, 64, 128 })
    {
        for (int i = 0; i < 2; i++) layers.AddRange([new Conv2D(width, 3, padding: Padding.Same, useBias: false), new BatchNorm(), new ReLU()]);
        layers.Add(new MaxPool2D(2));
    }
    layers.AddRange([new GlobalAveragePool2D(), new Dropout(0.2f), new Dense(classes)]);
    return Network.Sequential([.. input], layers, seed);
}
