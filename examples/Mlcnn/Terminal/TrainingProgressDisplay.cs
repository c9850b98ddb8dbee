// The live view of `mlcnn train`: one Spectre.Console progress bar per epoch with the running loss, accuracy and
// images/s, completed with the validation metrics when the epoch ends. Without a terminal it prints one line per epoch.
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Cnn.Training;
using Spectre.Console;

namespace Microsoft.ML.Cnn.Mlcnn.Terminal;

/// <summary>Shows training progress on a <see cref="CommandConsole"/>.</summary>
internal sealed class TrainingProgressDisplay : IProgress<TrainingProgress>
{
    private readonly CommandConsole _console;
    private readonly int _epochs, _batchSize, _expectedBatches;
    private readonly Stopwatch _epochClock = new();
    private ProgressContext? _context;
    private ProgressTask? _task;
    private int _epoch = -1;

    private TrainingProgressDisplay(CommandConsole console, int epochs, int batchSize, long expectedRows)
    {
        _console = console;
        _epochs = epochs;
        _batchSize = batchSize;
        _expectedBatches = (int)Math.Min(int.MaxValue, (expectedRows + batchSize - 1) / batchSize);
    }

    /// <summary>
    /// Runs <paramref name="training"/>, giving it the progress sink and the epoch-metrics callback to pass to the trainer;
    /// draws live bars on an interactive terminal, plain epoch lines elsewhere. <paramref name="expectedRows"/> sizes the
    /// bars while the trainer cannot count a streamed source's batches (its first epoch).
    /// </summary>
    public static T Run<T>(CommandConsole console, int epochs, int batchSize, long expectedRows, Func<IProgress<TrainingProgress>, Action<EpochMetrics>, T> training)
    {
        var display = new TrainingProgressDisplay(console, epochs, batchSize, expectedRows);
        if (!console.IsInteractive) return training(display, display.EpochEnded);
        return console.Ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 24 }, new ElapsedTimeColumn())
            .Start(context =>
            {
                display._context = context;
                return training(display, display.EpochEnded);
            });
    }

    /// <summary>After every batch, on the training thread.</summary>
    public void Report(TrainingProgress value)
    {
        if (value.Epoch != _epoch)
        {
            // The clock starts when the first batch is done (no callback marks an epoch's start), so the rate counts
            // the batches after it.
            _epoch = value.Epoch;
            _epochClock.Restart();
            _task = _context?.AddTask(EpochLabel(value.Epoch), maxValue: Math.Max(value.BatchesPerEpoch, _expectedBatches));
        }
        if (_task is null) return;
        string accuracy = double.IsNaN(value.EpochAccuracy) ? "" : " acc " + TextFormats.Percent(value.EpochAccuracy);
        string rate = value.Batch == 0 ? "" : string.Format(CultureInfo.InvariantCulture, "  {0:N0} img/s", value.Batch * (double)_batchSize / _epochClock.Elapsed.TotalSeconds);
        _task.MaxValue = Math.Max(value.BatchesPerEpoch, _expectedBatches);
        _task.Value = value.Batch + 1;
        _task.Description = Markup.Escape(string.Format(CultureInfo.InvariantCulture, "{0}  loss {1:F3}{2}{3}", EpochLabel(value.Epoch), value.EpochLoss, accuracy, rate));
    }

    /// <summary>When an epoch's metrics (with validation) are known.</summary>
    private void EpochEnded(EpochMetrics metrics)
    {
        if (_task is null)
        {
            _console.WriteLine(metrics.ToString());
            return;
        }
        var c = CultureInfo.InvariantCulture;
        string line = string.Format(c, "{0}  loss {1:F3}", EpochLabel(metrics.Epoch), metrics.Loss);
        if (!double.IsNaN(metrics.Accuracy)) line += " acc " + TextFormats.Percent(metrics.Accuracy);
        if (!double.IsNaN(metrics.ValidationLoss)) line += string.Format(c, "  val {0:F3}", metrics.ValidationLoss);
        if (!double.IsNaN(metrics.ValidationAccuracy)) line += " " + TextFormats.Percent(metrics.ValidationAccuracy);
        line += string.Format(c, "  {0:N0} img/s", metrics.SamplesPerSecond);
        _task.Description = Markup.Escape(line);
        _task.Value = _task.MaxValue;
        _task.StopTask();
    }

    private string EpochLabel(int epoch) => $"epoch {(epoch + 1).ToString().PadLeft(_epochs.ToString().Length)}/{_epochs}";
}
