// The multiclass Cnn trainer's training controls: validation, early stopping, class and example weights,
// cancellation, metrics, reproducibility, fine-tuning and streaming.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Layers;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Tests.Training;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Training;
using Microsoft.ML.Cnn.Transforms.Conversion;

namespace Microsoft.ML.Cnn.Tests.Trainers;

public sealed class WeightedQuadrantRow
{
    public string Label = "";
    public float Weight;
    [VectorType(1, 8, 8)] public float[] Features = [];
}

public sealed partial class CnnMulticlassTrainerTests
{
    /// <summary>Keys fitted on <paramref name="rows"/>, and those rows keyed.</summary>
    private static (ValueToKeyMappingTransformer Keys, IDataView Keyed) Keyed(MLContext ml, QuadrantRow[] rows)
    {
        var view = ml.Data.LoadFromEnumerable(rows);
        var keys = ml.Transforms.Conversion.MapValueToKey("Label").Fit(view);
        return (keys, keys.Transform(view));
    }

    private static CnnMulticlassPredictionTransformer Fit(MLContext ml, IDataView keyed, Action<CnnMulticlassTrainer.Options>? configure = null) =>
        ml.MulticlassClassification.Trainers.Cnn(QuadrantData.Options(configure)).Fit(keyed);

    [TestMethod]
    public void Fit_ValidationSetFraction_ReportsValidationMetricsEveryEpoch()
    {
        var ml = new MLContext(seed: 1);
        var metrics = new List<EpochMetrics>();

        using var model = Fit(ml, Keyed(ml, QuadrantData.Rows(120)).Keyed, o => { o.MaxEpoch = 3; o.ValidationSetFraction = 0.25f; o.MetricsCallback = metrics.Add; });

        Assert.HasCount(3, metrics);
        Assert.IsTrue(metrics.All(m => double.IsFinite(m.ValidationLoss) && m.ValidationAccuracy > 0.5), string.Join("\n", metrics));
        CollectionAssert.AreEqual(metrics, model.History!.Epochs.ToArray());
    }

    [TestMethod]
    public void Fit_ValidationSet_IsEvaluatedAndMustHaveTheTrainingColumns()
    {
        var ml = new MLContext(seed: 1);
        var (keys, train) = Keyed(ml, QuadrantData.Rows(120));
        var validation = keys.Transform(ml.Data.LoadFromEnumerable(QuadrantData.Rows(30, seed: 4)));

        using var model = Fit(ml, train, o => { o.MaxEpoch = 2; o.ValidationSet = validation; });
        var noFeatures = ml.Data.LoadFromEnumerable(new[] { new Data.PointRow { X = 1 } });
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Fit(ml, train, o => o.ValidationSet = noFeatures));

        Assert.IsTrue(model.History!.Epochs.All(m => m.ValidationAccuracy > 0.5));
        StringAssert.Contains(error.Message, "The validation set has no column 'Features'");
    }

    [TestMethod]
    public void Fit_ValidationLossStopsImproving_StopsEarly()
    {
        var ml = new MLContext(seed: 1);

        using var model = Fit(ml, Keyed(ml, QuadrantData.Rows(90)).Keyed, o =>
        {
            o.MaxEpoch = 20;
            o.ValidationSetFraction = 0.3f;
            o.EarlyStopping = new EarlyStoppingOptions { Patience = 1, MinDelta = 100 };
        });

        Assert.AreEqual(TrainingOutcome.StoppedEarly, model.History!.Outcome);
        Assert.HasCount(2, model.History.Epochs);
    }

    [TestMethod]
    public void Fit_ZeroClassWeight_SkipsThatClassAndRarelyPredictsIt()
    {
        var ml = new MLContext(seed: 1);
        var (keys, train) = Keyed(ml, QuadrantData.Rows(150));
        List<string> log = [];
        CnnMulticlassPredictionTransformer? model = null;

        log = QuadrantData.CaptureLog(ml, () => model = Fit(ml, train, o => o.ClassWeights = [1f, 1f, 0f]));
        var predicted = TransformRows.Column<uint>(model!.Transform(keys.Transform(ml.Data.LoadFromEnumerable(QuadrantData.Rows(60, seed: 5)))), "PredictedLabel");
        model.Dispose();

        Assert.IsTrue(log.Any(l => l.Contains("100 of 150 rows used") && l.Contains("50 skipped for a missing, negative or zero weight")), string.Join("\n", log));
        Assert.IsTrue(predicted.Count(k => k == 3) < 6, $"class 3 predicted {predicted.Count(k => k == 3)} times of 60");
        var wrongLength = Assert.ThrowsExactly<ArgumentException>(() => Fit(ml, train, o => o.ClassWeights = [1f, 2f]));
        Assert.AreEqual("ClassWeights", wrongLength.ParamName);
    }

    [TestMethod]
    public void Fit_ExampleWeightColumn_SkipsZeroWeightRowsAndRequiresTheColumn()
    {
        var ml = new MLContext(seed: 1);
        var rows = QuadrantData.Rows(60).Select((r, i) => new WeightedQuadrantRow { Label = r.Label, Features = r.Features, Weight = i < 12 ? 0f : 1f + i % 2 }).ToArray();
        var view = ml.Data.LoadFromEnumerable(rows);
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(view).Transform(view);

        var log = QuadrantData.CaptureLog(ml, () => Fit(ml, keyed, o => { o.ExampleWeightColumnName = "Weight"; o.MaxEpoch = 1; }).Dispose());
        var missing = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Fit(ml, keyed, o => o.ExampleWeightColumnName = "Importance"));

        Assert.IsTrue(log.Any(l => l.Contains("48 of 60 rows used, 12 skipped for a missing, negative or zero weight")), string.Join("\n", log));
        StringAssert.Contains(missing.Message, "'Importance' not found");
    }

    [TestMethod]
    public void Fit_CancelledDuringTraining_ThrowsOperationCanceled()
    {
        var ml = new MLContext(seed: 1);
        using var cancellation = new CancellationTokenSource();
        var progress = new CallbackProgress(p => { if (p.Batch == 2) cancellation.Cancel(); });

        Assert.ThrowsExactly<OperationCanceledException>(() => Fit(ml, Keyed(ml, QuadrantData.Rows(120)).Keyed, o =>
        {
            o.Progress = progress;
            o.CancellationToken = cancellation.Token;
        }));
        Assert.AreEqual(3, progress.Reports);
    }

    [TestMethod]
    public void Fit_EveryEpoch_CallsMetricsCallbackAndLogsTheMetrics()
    {
        var ml = new MLContext(seed: 1);
        var metrics = new List<EpochMetrics>();

        var log = QuadrantData.CaptureLog(ml, () => Fit(ml, Keyed(ml, QuadrantData.Rows(60)).Keyed, o => { o.MaxEpoch = 3; o.MetricsCallback = metrics.Add; }).Dispose());

        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, metrics.Select(m => m.Epoch).ToArray());
        foreach (var m in metrics) Assert.IsTrue(log.Contains($"[Source=CnnMulticlassTrainer, Kind=Info] {m}"), m.ToString());
    }

    [TestMethod]
    public void Fit_SameSeed_GivesIdenticalScoresAndAnotherSeedDifferentOnes()
    {
        float[][] Scores(int? optionSeed, int contextSeed)
        {
            var ml = new MLContext(seed: contextSeed);
            var (keys, train) = Keyed(ml, QuadrantData.Rows(60));
            using var model = Fit(ml, train, o => { o.MaxEpoch = 2; o.Seed = optionSeed; });
            return TransformRows.VectorColumn<float>(model.Transform(keys.Transform(ml.Data.LoadFromEnumerable(QuadrantData.Rows(10, seed: 9)))), "Score");
        }

        var first = Scores(3, 1);
        var again = Scores(3, 2);
        var other = Scores(4, 1);
        var fromContext = Scores(null, 5);
        var fromContextAgain = Scores(null, 5);

        for (int i = 0; i < first.Length; i++) CollectionAssert.AreEqual(first[i], again[i]);
        Assert.IsTrue(first.Zip(other).Any(p => !p.First.SequenceEqual(p.Second)), "another seed shuffles differently");
        for (int i = 0; i < first.Length; i++) CollectionAssert.AreEqual(fromContext[i], fromContextAgain[i]);
    }

    [TestMethod]
    public void Fit_InitialWeightsWithFrozenConv_KeepsTheConvAndTrainsTheHead()
    {
        var ml = new MLContext(seed: 1);
        var (_, train) = Keyed(ml, QuadrantData.Rows(60));
        using var pretrained = Fit(ml, train, o => o.MaxEpoch = 1);
        var before = pretrained.Network.Parameters.Select(p => p.Data.ToArray()).ToArray();

        var log = QuadrantData.CaptureLog(ml, () =>
        {
            using var tuned = Fit(ml, train, o => { o.InitialWeights = pretrained.Network; o.FrozenLayers = ["conv"]; o.Seed = 11; });
            Assert.IsFalse(tuned.Network.GetLayer("conv").Trainable);
            CollectionAssert.AreEqual(before[0], tuned.Network.GetLayer("conv").Parameters[0].Data, "frozen conv weights");
            CollectionAssert.AreNotEqual(before[2], tuned.Network.GetLayer("head").Parameters[0].Data, "trained head weights");
        });

        for (int i = 0; i < before.Length; i++) CollectionAssert.AreEqual(before[i], pretrained.Network.Parameters[i].Data, "the initial network is not modified");
        Assert.IsTrue(log.Any(l => l.Contains("Initial weights: copied 4, missing 0")), string.Join("\n", log));
        var unknown = Assert.ThrowsExactly<ArgumentException>(() => Fit(ml, train, o => o.FrozenLayers = ["backbone"]));
        StringAssert.Contains(unknown.Message, "its layers are conv, pool, flatten, head");
    }

    [TestMethod]
    public void Fit_ViewThatCannotShuffle_StreamsOneCursorPerEpochThroughAPoolAndOneBatchAhead()
    {
        var ml = new MLContext(seed: 1);
        var (_, keyed) = Keyed(ml, QuadrantData.Rows(300));
        var view = new CountingDataView(keyed, "Features");
        const int batch = 16, pool = 32;
        var violations = new List<string>();
        var progress = new CallbackProgress(p =>
        {
            long trained = p.Epoch * 300L + (p.Batch + 1L) * batch, read = view.ValuesRead;
            // Trained rows were read; beyond them at most the shuffle pool and the batch read ahead in the background.
            if (read < Math.Min(trained, (p.Epoch + 1) * 300L) || read > trained + pool + batch) violations.Add($"epoch {p.Epoch} batch {p.Batch}: read {read}, trained {trained}");
        });

        using var model = Fit(ml, view, o => { o.MaxEpoch = 2; o.BatchSize = batch; o.ShufflePoolSize = pool; o.Progress = progress; });

        Assert.IsEmpty(violations, string.Join("\n", violations));
        Assert.HasCount(2, view.Cursors);
        Assert.IsTrue(view.Cursors.All(c => c.Columns.SequenceEqual(["Features", "Label"]) && !c.Shuffled));
        Assert.AreEqual(600L, view.ValuesRead);
    }

    [TestMethod]
    public void Fit_ViewThatCanShuffle_AsksItForADifferentOrderEachEpoch()
    {
        var ml = new MLContext(seed: 1);
        var (_, keyed) = Keyed(ml, QuadrantData.Rows(60));
        var view = new CountingDataView(ml.Data.Cache(keyed), "Features");

        using var model = Fit(ml, view, o => o.MaxEpoch = 2);

        Assert.HasCount(2, view.Cursors);
        Assert.IsTrue(view.Cursors.All(c => c.Shuffled));
    }

    [TestMethod]
    public void Fit_SteadyState_StreamingTrainingStepsDoNotAllocate()
    {
        var ml = new MLContext(seed: 1);
        var (_, keyed) = Keyed(ml, QuadrantData.Rows(16 * 30));
        var allocated = new long[30];
        var progress = new CallbackProgress(p => { if (p.Epoch == 0) allocated[p.Batch] = GC.GetAllocatedBytesForCurrentThread(); });

        Fit(ml, keyed, o => { o.MaxEpoch = 1; o.Progress = progress; }).Dispose();

        Assert.AreEqual(0L, allocated[^1] - allocated[5], "bytes allocated by 24 steps (reading the view, training) after warm-up");
    }
}
