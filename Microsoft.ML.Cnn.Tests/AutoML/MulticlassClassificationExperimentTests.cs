// The multiclass experiment end to end on tiny quadrant images: a reloadable best pipeline, reproducible searches,
// successive halving's promotions, progress, and the time, trial and cancellation limits.
using Microsoft.ML.Cnn.AutoML;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Evaluation;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Tests.Trainers;

namespace Microsoft.ML.Cnn.Tests.AutoML;

[TestClass]
public sealed class MulticlassClassificationExperimentTests
{
    [TestMethod]
    public void Execute_TinyBudget_BestPipelineClassifiesAndRoundTripsThroughModelSave()
    {
        var ml = new MLContext(seed: 1);
        var train = TinySearch.Rows(ml);
        var result = ml.Auto().CreateMulticlassClassificationExperiment(TinySearch.Settings()).Execute(train, validationFraction: 0.2);

        var test = ml.Data.LoadFromEnumerable(QuadrantData.Rows(60, seed: 2));
        var scored = result.BestRun.Model!.Transform(test);
        var metrics = ml.MulticlassClassification.Evaluate(scored);
        Assert.IsGreaterThan(0.9, metrics.MicroAccuracy, $"best trial: {result.BestRun}");

        var reloaded = ModelZip.Load(ModelZip.Save(result.BestRun.Model, train.Schema), out _);
        var expected = TransformRows.VectorColumn<float>(scored, "Score");
        var actual = TransformRows.VectorColumn<float>(reloaded.Transform(test), "Score");
        for (int i = 0; i < expected.Length; i++) CollectionAssert.AreEqual(expected[i], actual[i]);
    }

    [TestMethod]
    public void Execute_SameSeedTwice_RunsTheSameTrialsWithTheSameResults()
    {
        ExperimentResult<MulticlassClassificationMetrics> Run()
        {
            var ml = new MLContext(seed: 1);
            return ml.Auto().CreateMulticlassClassificationExperiment(TinySearch.Settings(maxModels: 3)).Execute(TinySearch.Rows(ml), validationFraction: 0.2);
        }

        var first = Run();
        var second = Run();

        Assert.HasCount(first.RunDetails.Count, second.RunDetails);
        for (int i = 0; i < first.RunDetails.Count; i++)
        {
            var (a, b) = (first.RunDetails[i], second.RunDetails[i]);
            Assert.AreEqual(a.Settings, b.Settings);
            Assert.AreEqual(a.Epochs, b.Epochs);
            Assert.AreEqual(a.ValidationMetric, b.ValidationMetric);
            CollectionAssert.AreEqual(a.EpochHistory.Select(e => e.Loss).ToArray(), b.EpochHistory.Select(e => e.Loss).ToArray());
        }
        Assert.AreEqual(first.BestRun.TrialId, second.BestRun.TrialId);
    }

    [TestMethod]
    public void Execute_DifferentSeeds_ProposeDifferentTrials()
    {
        var ml = new MLContext(seed: 1);
        var data = TinySearch.Rows(ml);
        var a = ml.Auto().CreateMulticlassClassificationExperiment(TinySearch.Settings(maxModels: 2, seed: 1)).Execute(data, 0.2);
        var b = ml.Auto().CreateMulticlassClassificationExperiment(TinySearch.Settings(maxModels: 2, seed: 2)).Execute(data, 0.2);

        Assert.AreNotEqual(a.RunDetails[0].Settings, b.RunDetails[0].Settings);
    }

    [TestMethod]
    public void Execute_ThreeTrialsThreeRungsApart_PromotesTheBestFromItsWeights()
    {
        var ml = new MLContext(seed: 1);
        var result = ml.Auto().CreateMulticlassClassificationExperiment(TinySearch.Settings(maxModels: 3)).Execute(TinySearch.Rows(ml), 0.2);

        // Three trials reach rung 1 (1 epoch); the best of them (top 1/3) continues to rung 2 (3 epochs) and no other.
        Assert.AreEqual(ExperimentStopReason.TrialLimit, result.StopReason);
        CollectionAssert.AreEqual(new[] { 1, 3 }, result.RungEpochs.ToArray());
        var promoted = result.RunDetails.Single(r => r.Epochs == 3);
        Assert.AreEqual(TrialStatus.Completed, promoted.Status);
        Assert.IsTrue(result.RunDetails.Where(r => r != promoted).All(r => r.Status == TrialStatus.Stopped && r.Epochs == 1));
        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, promoted.EpochHistory.Select(e => e.Epoch).ToArray());
        // It continued from its first-rung weights: its second stretch starts where the first one left off.
        Assert.IsLessThan(promoted.EpochHistory[0].Loss, promoted.EpochHistory[1].Loss);
    }

    [TestMethod]
    public void Execute_ValidationData_ReportsEveryRungToTheProgressHandler()
    {
        var ml = new MLContext(seed: 1);
        var reports = new List<RunDetail<MulticlassClassificationMetrics>>();
        var result = ml.Auto().CreateMulticlassClassificationExperiment(TinySearch.Settings(maxModels: 3))
            .Execute(TinySearch.Rows(ml), TinySearch.Rows(ml, 45, seed: 3), progressHandler: new SynchronousProgress<RunDetail<MulticlassClassificationMetrics>>(reports.Add));

        // One report per stretch: three first rungs and one promotion.
        Assert.HasCount(4, reports);
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, reports.Take(3).Select(r => r.TrialId).ToArray());
        Assert.AreEqual(3, reports[3].Epochs);
        Assert.IsTrue(reports.All(r => r.ValidationMetrics is not null && !double.IsNaN(r.ValidationMetric)));
        Assert.AreEqual(reports[3].ValidationMetric, result.RunDetails[reports[3].TrialId - 1].ValidationMetric);
    }

    [TestMethod]
    public void Execute_TimeLimit_StopsTheSearchAtTheDeadline()
    {
        var ml = new MLContext(seed: 1);
        var settings = TinySearch.Settings(maxModels: null);
        settings.MaxExperimentTimeInSeconds = 2;
        // Only the deadline stops trials here, however busy the machine (a fifth of a second per first rung could not).
        settings.SuccessiveHalving = settings.SuccessiveHalving with { MaxFirstRungTimeShare = 1 };

        var result = ml.Auto().CreateMulticlassClassificationExperiment(settings).Execute(TinySearch.Rows(ml), 0.2);

        Assert.AreEqual(ExperimentStopReason.TimeLimit, result.StopReason);
        Assert.IsLessThan(4.0, result.ElapsedSeconds, "the trial in progress stops at the deadline");
        Assert.IsNotEmpty(result.RunDetails);
    }

    [TestMethod]
    public void Execute_FirstRungsTooSlowForTheBudget_AbandonsThemAndSaysWhy()
    {
        var ml = new MLContext(seed: 1);
        var settings = TinySearch.Settings(maxModels: 2);
        // A first rung may take a millionth of the budget: no trial can, each is stopped after a few batches.
        settings.SuccessiveHalving = settings.SuccessiveHalving with { MaxFirstRungTimeShare = 1e-6 };
        var reports = new List<RunDetail<MulticlassClassificationMetrics>>();

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => ml.Auto().CreateMulticlassClassificationExperiment(settings)
            .Execute(TinySearch.Rows(ml, 400), 0.2, progressHandler: new SynchronousProgress<RunDetail<MulticlassClassificationMetrics>>(reports.Add)));

        StringAssert.Contains(error.Message, "2 of 2 were abandoned as too slow");
        Assert.HasCount(2, reports);
        Assert.IsTrue(reports.All(r => r.Status == TrialStatus.TooSlow && r.Model is null && r.Epochs == 0));
    }

    [TestMethod]
    public void Execute_TrialLimit_StartsNoMoreTrials()
    {
        var ml = new MLContext(seed: 1);
        // ML.NET's form without validation data: a tenth is held out.
        var result = ml.Auto().CreateMulticlassClassificationExperiment(TinySearch.Settings(maxModels: 2)).Execute(TinySearch.Rows(ml), labelColumnName: "Label");

        Assert.AreEqual(ExperimentStopReason.TrialLimit, result.StopReason);
        Assert.HasCount(2, result.RunDetails);
    }

    [TestMethod]
    public void Execute_CancelledAfterTheFirstTrial_ReturnsWhatWasFound()
    {
        var ml = new MLContext(seed: 1);
        using var cancellation = new CancellationTokenSource();
        var settings = TinySearch.Settings(maxModels: null);
        settings.CancellationToken = cancellation.Token;

        var result = ml.Auto().CreateMulticlassClassificationExperiment(settings)
            .Execute(TinySearch.Rows(ml), 0.2, progressHandler: new SynchronousProgress<RunDetail<MulticlassClassificationMetrics>>(_ => cancellation.Cancel()));

        Assert.AreEqual(ExperimentStopReason.Cancelled, result.StopReason);
        Assert.HasCount(1, result.RunDetails);
        Assert.IsNotNull(result.BestRun.Model);
    }

    [TestMethod]
    public void Execute_CancelledBeforeAnyTrial_ThrowsOperationCanceled()
    {
        var ml = new MLContext(seed: 1);
        var settings = TinySearch.Settings();
        settings.CancellationToken = new CancellationToken(canceled: true);

        Assert.ThrowsExactly<OperationCanceledException>(() => ml.Auto().CreateMulticlassClassificationExperiment(settings).Execute(TinySearch.Rows(ml), 0.2));
    }

    [TestMethod]
    public void Execute_MissingLabelOrFeatures_FailsBeforeAnyTrial()
    {
        var ml = new MLContext(seed: 1);
        var experiment = ml.Auto().CreateMulticlassClassificationExperiment(TinySearch.Settings());

        var label = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => experiment.Execute(TinySearch.Rows(ml), 0.2, labelColumnName: "Class"));
        StringAssert.Contains(label.Message, "'Class'");
        experiment.Settings.FeatureColumnName = "Pixels";
        var features = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => experiment.Execute(TinySearch.Rows(ml), 0.2));
        StringAssert.Contains(features.Message, "'Pixels'");
    }

    [TestMethod]
    public void Execute_PreFeaturizer_IsFittedOnceAndPartOfEveryModel()
    {
        var ml = new MLContext(seed: 1);
        var rows = ml.Data.LoadFromEnumerable(QuadrantData.Rows(150).Select(r => new PixelRow { Label = r.Label, Pixels = r.Features }).ToArray());
        var result = ml.Auto().CreateMulticlassClassificationExperiment(TinySearch.Settings(maxModels: 2))
            .Execute(rows, 0.2, preFeaturizer: ml.Transforms.CopyColumns("Features", "Pixels"));

        var scored = result.BestRun.Model!.Transform(rows);
        Assert.IsNotNull(scored.Schema.GetColumnOrNull("Score"));
        Assert.IsTrue(result.RunDetails.All(r => r.Model is not null));
    }

    /// <summary>Quadrant rows whose image column is not yet named Features.</summary>
    private sealed class PixelRow
    {
        public string Label = "";
        [VectorType(1, 8, 8)] public float[] Pixels = [];
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
