// An experiment's data, prepared once: the validation rows split off (when a fraction is given), the pre-featurizer
// and label mapping fitted on the training rows, and both sides cached so trials never featurize again.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.AutoML;

/// <summary>
/// The featurized, cached training and validation rows, and the fitted steps that made them (the pre-featurizer and
/// label mapping; null when there were none).
/// </summary>
internal sealed record ExperimentData(IDataView Train, IDataView Validation, ITransformer? Featurizer)
{
    /// <summary>
    /// Prepares the data. With <paramref name="validation"/> null, a stratified <paramref name="validationFraction"/> of
    /// <paramref name="train"/> (seeded by <paramref name="seed"/>) becomes the validation rows.
    /// </summary>
    public static ExperimentData Prepare(MLContext context, IDataView train, IDataView? validation, double validationFraction, string labelColumnName,
        IEstimator<ITransformer>? preFeaturizer, Func<DataViewSchema.Column, IEstimator<ITransformer>?> prepareLabel, int seed)
    {
        RequireLabel(train.Schema, labelColumnName, "training data");
        if (validation is null)
        {
            var split = context.Data.TrainTestSplit(train, validationFraction, seed: seed, stratificationColumnName: labelColumnName);
            (train, validation) = (split.TrainSet, split.TestSet);
        }
        else
        {
            RequireLabel(validation.Schema, labelColumnName, "validation data");
        }

        var steps = new List<ITransformer>();
        var featurizedTrain = train;
        if (preFeaturizer is not null)
        {
            var fitted = preFeaturizer.Fit(train);
            steps.Add(fitted);
            featurizedTrain = fitted.Transform(train);
        }
        if (prepareLabel(RequireLabel(featurizedTrain.Schema, labelColumnName, "pre-featurizer's output")) is { } labelStep)
        {
            var fitted = labelStep.Fit(featurizedTrain);
            steps.Add(fitted);
            featurizedTrain = fitted.Transform(featurizedTrain);
        }
        var featurizer = steps.Count == 0 ? null : new TransformerChain<ITransformer>([.. steps]);
        var featurizedValidation = featurizer?.Transform(validation) ?? validation;
        return new ExperimentData(context.Data.Cache(featurizedTrain), context.Data.Cache(featurizedValidation), featurizer);
    }

    /// <summary>
    /// Reads the feature and label columns into the caches now, so trials are timed without it (the first trial's
    /// pace would otherwise include featurizing every row) and know their row counts; returns them.
    /// </summary>
    public (long TrainRows, long ValidationRows) Preload(string featureColumnName, string labelColumnName)
    {
        static long Read(IDataView view, string features, string label)
        {
            using var cursor = view.GetRowCursor([view.Schema[features], view.Schema[label]]);
            long rows = 0;
            while (cursor.MoveNext()) rows++;
            return rows;
        }
        return (Read(Train, featureColumnName, labelColumnName), Read(Validation, featureColumnName, labelColumnName));
    }

    /// <summary>The fitted pipeline of a trial: the featurizer's steps, then the trial's own.</summary>
    public ITransformer Compose(ITransformer trialModel)
    {
        var steps = new List<ITransformer>();
        if (Featurizer is not null) steps.Add(Featurizer);
        if (trialModel is IEnumerable<ITransformer> chain) steps.AddRange(chain);
        else steps.Add(trialModel);
        return new TransformerChain<ITransformer>([.. steps]);
    }

    private static DataViewSchema.Column RequireLabel(DataViewSchema schema, string name, string where) =>
        schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException("labelColumnName",
            $"The label column '{name}' is not in the {where}. Available columns: {schema.AvailableNames()}. Pass labelColumnName.");
}
