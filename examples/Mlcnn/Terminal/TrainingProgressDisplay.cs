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
    private readonly int _epochs, _batchSize;
    private readonly Stopwatch _epochClock = new();
    private ProgressContext? _context;
    private ProgressTask? _task;
    private int _epoch = -1;

    private TrainingProgressDisplay(CommandConsole console, int epochs, int batchSize)
    {
        _console = console;
        _epochs = epochs;
        _batchSize = batchSize;
    }

    /// <summary>
    /// Runs <paramref name="training"/>, giving it the progress sink and the epoch-metrics callback to pass to the trainer;
    /// draws live bars on an interactive terminal, plain epoch lines elsewhere.
    /// </summary>
    public static T Run<T>(CommandConsole console, int epochs, int batchSize, Func<IProgress<TrainingProgress>, Action<EpochMetrics>, T> training)
    {
        var display = new TrainingProgressDisplay(console, epochs, batchSize);
        if (!console.IsInteractive) return training(display, display.EpochEnded);
        return console.Ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
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
            _epoch = value.Epoch;
            _epochClock.Restart();
            _task = _context?.AddTask(EpochLabel(value.Epoch), maxValue: value.BatchesPerEpoch);
        }
        if (_task is null) return;
        double seconds = Math.Max(_epochClock.Elapsed.TotalSeconds, 1e-6);
        string accuracy = double.IsNaN(value.EpochAccuracy) ? "" : " acc " + TextFormats.Percent(value.EpochAccuracy);
        _task.MaxValue = value.BatchesPerEpoch;
        _task.Value = value.Batch + 1;
        _task.Description = Markup.Escape(string.Format(CultureInfo.InvariantCulture, "{0} loss {1:F4}{2} {3:N0} img/s",
            EpochLabel(value.Epoch), value.EpochLoss, accuracy, (value.Batch + 1) * (double)_batchSize / seconds));
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
        string line = string.Format(c, "{0} loss {1:F4}", EpochLabel(metrics.Epoch), metrics.Loss);
        if (!double.IsNaN(metrics.Accuracy)) line += " acc " + TextFormats.Percent(metrics.Accuracy);
        if (!double.IsNaN(metrics.ValidationLoss)) line += string.Format(c, " | val loss {0:F4}", metrics.ValidationLoss);
        if (!double.IsNaN(metrics.ValidationAccuracy)) line += " acc " + TextFormats.Percent(metrics.ValidationAccuracy);
        line += string.Format(c, " | {0:N0} img/s", metrics.SamplesPerSecond);
        _task.Description = Markup.Escape(line);
        _task.Value = _task.MaxValue;
        _task.StopTask();
    }

    private string EpochLabel(int epoch) => $"epoch {(epoch + 1).ToString().PadLeft(_epochs.ToString().Length)}/{_epochs}";
}
