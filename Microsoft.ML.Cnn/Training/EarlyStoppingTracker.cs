// Early stopping's bookkeeping: the best value of the monitored metric and the epochs since it improved.
namespace Microsoft.ML.Cnn.Training;

/// <summary>Decides, epoch by epoch, whether the monitored metric improved and whether patience ran out.</summary>
internal sealed class EarlyStoppingTracker(EarlyStoppingOptions options)
{
    private double _best = double.NaN;
    private int _epochsWithoutImprovement;

    public EarlyStoppingOptions Options { get; } = options;

    /// <summary>Records an epoch; returns whether it is the best so far.</summary>
    public bool Observe(double validationLoss, double validationAccuracy)
    {
        bool lowerIsBetter = Options.Monitor == EarlyStoppingMonitor.ValidationLoss;
        double value = lowerIsBetter ? validationLoss : validationAccuracy;
        bool improved = !double.IsNaN(value) && (double.IsNaN(_best) ||
            (lowerIsBetter ? value < _best - Options.MinDelta : value > _best + Options.MinDelta));
        if (improved)
        {
            _best = value;
            _epochsWithoutImprovement = 0;
        }
        else
        {
            _epochsWithoutImprovement++;
        }
        return improved;
    }

    /// <summary>True once the metric has gone Patience consecutive epochs without improving (Keras's rule).</summary>
    public bool ShouldStop => _epochsWithoutImprovement >= Options.Patience;
}
