// Shared by the examples: prints the running loss and accuracy every 100 batches (the trainers log each epoch's
// metrics through MLContext.Log; a streamed source's batch count is only an estimate in the first epoch).
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Examples;

/// <summary>Training progress on the console.</summary>
internal sealed class ConsoleProgress : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value)
    {
        if ((value.Batch + 1) % 100 != 0) return;
        string accuracy = double.IsNaN(value.EpochAccuracy) ? "" : $" acc {value.EpochAccuracy:P2}";
        Console.WriteLine($"epoch {value.Epoch + 1} batch {value.Batch + 1}/{value.BatchesPerEpoch}: loss {value.EpochLoss:F4}{accuracy} lr {value.LearningRate:G3}");
    }
}
