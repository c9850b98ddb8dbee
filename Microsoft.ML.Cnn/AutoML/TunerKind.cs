// Which algorithm proposes the settings of new trials.
namespace Microsoft.ML.Cnn.AutoML;

/// <summary>How new trials' settings are chosen (successive halving decides which trials continue).</summary>
public enum TunerKind
{
    /// <summary>Each option drawn independently and uniformly (log-uniformly for log ranges).</summary>
    Random,
    /// <summary>
    /// Tree-structured Parzen estimator (Bergstra et al. 2011), fitted as BOHB does (Falkner et al. 2018) on the highest
    /// rung with more results than the search space has dimensions: random until then (13 trials for the default space);
    /// then 24 candidates drawn around the best quarter's settings, keeping the one most likely under the best quarter
    /// relative to the rest; a third of the proposals stay random.
    /// </summary>
    TreeParzen,
}
