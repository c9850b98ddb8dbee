// One `mlcnn train` run: preprocessing fitted on the training rows, validation rows preprocessed the same way (as the
// trainer wants them), then augmentation + trainer + class names, all joined into one chain that scores raw rows.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Training;
using Microsoft.ML.Cnn.Transforms.Image;

namespace Microsoft.ML.Cnn.Mlcnn.Pipelines;

/// <summary>What a training run needs.</summary>
internal sealed record TrainingPlan(LabelledData Train, LabelledData? Test, CnnArchitecture Architecture, ImageSettings? Image,
    TrainingSettings Settings, InvalidImageHandling InvalidImages);

/// <summary>What a training run produced.</summary>
/// <param name="Model">Preprocessing, trainer and class names: applies to rows shaped like the training data.</param>
/// <param name="InputSchema">The schema of those rows (saved with the model).</param>
/// <param name="Network">The trained network.</param>
/// <param name="History">Per-epoch metrics, how training ended.</param>
/// <param name="EvaluationData">Raw rows to evaluate on: the test data, else the validation rows, else the training rows.</param>
/// <param name="EvaluationName">Which of those, for the report.</param>
internal sealed record TrainingResult(TransformerChain<ITransformer> Model, DataViewSchema InputSchema, Network Network,
    TrainingHistory History, IDataView EvaluationData, string EvaluationName);

/// <summary>Runs the training of `mlcnn train`.</summary>
internal static class TrainingRun
{
    /// <summary>Fits the pipeline of <paramref name="plan"/>; progress and epoch metrics are reported as they come.</summary>
    public static TrainingResult Fit(MLContext ml, TrainingPlan plan, IProgress<TrainingProgress>? progress, Action<EpochMetrics>? onEpoch)
    {
        var settings = plan.Settings;
        IDataView trainRows = plan.Train.View, validationRows;
        string evaluationName;
        if (settings.ValidationFraction > 0)
        {
            var split = ml.Data.TrainTestSplit(trainRows, settings.ValidationFraction, seed: settings.Seed, stratificationColumnName: LabelledData.LabelColumn);
            (trainRows, validationRows) = (split.TrainSet, split.TestSet);
            evaluationName = plan.Test is null ? "validation rows" : "test data";
        }
        else
        {
            validationRows = plan.Test?.View!;
            evaluationName = plan.Test is null ? "training rows (no test data or validation fraction was given)" : "test data";
        }

        var preprocessing = plan.Image is { } image && plan.Train.Source.HasImagePaths
            ? PipelineSteps.ImagePreprocessing(ml, image, plan.InvalidImages).Fit(trainRows)
            : new TransformerChain<ITransformer>();
        // Image rows are decoded once and cached; IDX rows are in memory already.
        IDataView Prepare(IDataView rows) => plan.Train.Source.HasImagePaths ? ml.Data.Cache(preprocessing.Transform(rows)) : rows;

        var options = settings.ToTrainerOptions(plan.Architecture);
        options.ValidationSet = validationRows is null ? null : Prepare(validationRows);
        options.Progress = progress;
        options.MetricsCallback = onEpoch;
        var training = new EstimatorChain<ITransformer>();
        foreach (var augmentation in PipelineSteps.Augmentations(ml, settings)) training = training.Append(augmentation);
        var fitted = training.Append(ml.MulticlassClassification.Trainers.Cnn(options)).Append(PipelineSteps.ClassNames(ml)).Fit(Prepare(trainRows));

        var model = new TransformerChain<ITransformer>([.. PipelineSteps.Flatten(preprocessing), .. PipelineSteps.Flatten(fitted)]);
        var scorer = model.OfType<CnnMulticlassPredictionTransformer>().Single();
        return new TrainingResult(model, plan.Train.View.Schema, scorer.Network, scorer.History!,
            plan.Test?.View ?? (settings.ValidationFraction > 0 ? validationRows! : plan.Train.View), evaluationName);
    }
}
