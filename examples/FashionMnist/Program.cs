// Trains the seed CNN (or its batch-norm variant) on Fashion-MNIST, prints progress, test accuracy and a
// confusion matrix, and saves the model. Run: dotnet run -c Release --project examples/FashionMnist [-- --recipe long]
using FashionMnistExample;
using Microsoft.ML.Cnn.Architectures;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Optimizers;
using Microsoft.ML.Cnn.Optimizers.Schedules;
using Microsoft.ML.Cnn.Persistence;
using Microsoft.ML.Cnn.Training;

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

var data = arguments.UseSubset ? FashionMnist.LoadSubset() : FashionMnist.LoadOrSubset(arguments.DataDirectory, Console.WriteLine);
Console.WriteLine($"Training on {data.Train.Count:N0} images, testing on {data.Test.Count:N0}{(data.IsSubset ? " (embedded subset)" : "")}.");

bool isLong = arguments.Recipe == Recipe.Long;
int epochs = arguments.Epochs ?? (isLong ? 20 : 5);
int[] inputShape = [1, FashionMnist.ImageSize, FashionMnist.ImageSize];
Network network = isLong
    ? SeedCnnBatchNorm.Create(inputShape, FashionMnist.ClassNames.Count, dropoutRate: 0.25f, seed: arguments.Seed)
    : SeedCnn.Create(inputShape, FashionMnist.ClassNames.Count, seed: arguments.Seed);
var options = new TrainerOptions
{
    // Batch norm tolerates a larger rate (annealed by the cosine schedule after one warm-up epoch); dropout and
    // decoupled weight decay hold back the overfitting that 20 epochs bring.
    Optimizer = isLong ? new AdamW(2e-3f, decoupledWeightDecay: 0.05f) : new Adam(1e-3f),
    Epochs = epochs,
    BatchSize = arguments.BatchSize ?? 128,
    Seed = arguments.Seed,
    // Auto (the default) is oneDNN when libdnnl.so.2 loads, else managed; the trainer logs which one runs.
    BackendKind = arguments.Backend,
    Log = Console.WriteLine,
    Schedule = isLong ? new CosineDecay(epochs, minLearningRate: 1e-5f, warmupEpochs: 1) : new ConstantSchedule(),
    // Clothing is left-right symmetric: a mirrored image is a new, valid sample. (Shifts too, tried at +-2 pixels,
    // regularized this small network into underfitting: 91.6%.)
    Augmentation = isLong ? new ImageAugmentation(HorizontalFlip: true) : null,
};
Console.WriteLine($"Recipe {arguments.Recipe}: {(isLong ? "SeedCnnBatchNorm" : "SeedCnn")}, {options.Optimizer}, {options.Schedule}, batch {options.BatchSize}, {epochs} epochs.");

TrainingHistory history;
using (var trainer = new Trainer(network, options))
{
    // The test set doubles as validation data, as in Keras's MNIST example, so each epoch reports test metrics.
    history = trainer.Fit(data.Train, data.Test, new ConsoleProgress());
}
Console.WriteLine(history);

using var predictor = new Predictor(network, arguments.Backend);
var matrix = ClassifierEvaluation.Classify(predictor, data.Test, FashionMnist.ClassNames);
Console.WriteLine();
Console.WriteLine(matrix);
Console.WriteLine($"Test accuracy: {matrix.Accuracy:P2}");

NetworkSerializer.Save(network, arguments.ModelPath);
Console.WriteLine($"Saved the model to {Path.GetFullPath(arguments.ModelPath)}.");
using (var reloaded = new Predictor(NetworkSerializer.Load(arguments.ModelPath), arguments.Backend))
    Console.WriteLine($"Reloaded model test accuracy: {ClassifierEvaluation.Classify(reloaded, data.Test).Accuracy:P2}");
return 0;

/// <summary>Prints the running loss and accuracy every 100 batches and at the end of each epoch.</summary>
internal sealed class ConsoleProgress : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value)
    {
        bool last = value.Batch == value.BatchesPerEpoch - 1;
        if ((value.Batch + 1) % 100 != 0 && !last) return;
        Console.WriteLine($"epoch {value.Epoch + 1} batch {value.Batch + 1}/{value.BatchesPerEpoch}: loss {value.EpochLoss:F4} acc {value.EpochAccuracy:P2} lr {value.LearningRate:G3}");
    }
}
