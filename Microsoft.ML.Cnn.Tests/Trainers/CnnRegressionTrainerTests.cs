// The regression Cnn trainer: learning a brightness, its Score column, and its label and option checks.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Tests.TestSupport;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Training;

namespace Microsoft.ML.Cnn.Tests.Trainers;

[TestClass]
public sealed class CnnRegressionTrainerTests
{
    [TestMethod]
    public void Fit_QuadrantBrightness_PredictsHeldOutBrightness()
    {
        var ml = new MLContext(seed: 1);
        var test = QuadrantData.RegressionRows(40, seed: 2);
        var trainer = ml.Regression.Trainers.Cnn(QuadrantData.Options<CnnRegressionTrainer.Options>(o => { o.MaxEpoch = 15; o.LearningRate = 0.01f; }));

        using var model = trainer.Fit(ml.Data.LoadFromEnumerable(QuadrantData.RegressionRows(200)));
        var scores = TransformRows.Column<float>(model.Transform(ml.Data.LoadFromEnumerable(test)), "Score");

        var metrics = ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(test)));

        double meanAbsoluteError = scores.Select((s, i) => Math.Abs(s - test[i].Label)).Average();
        Assert.IsTrue(meanAbsoluteError < 0.1, $"mean absolute error {meanAbsoluteError:F3} (labels span 0.5..1.5)");
        Assert.AreEqual(meanAbsoluteError, metrics.MeanAbsoluteError, 1e-5);
        Assert.IsTrue(metrics.RSquared > 0.8, $"R² {metrics.RSquared:F3}");
    }

    [TestMethod]
    public void GetOutputSchema_SingleLabel_AddsScoreAndRejectsTextLabel()
    {
        var ml = new MLContext(seed: 1);
        var trainer = ml.Regression.Trainers.Cnn(QuadrantData.Options<CnnRegressionTrainer.Options>(o => o.MaxEpoch = 1));

        var scored = EstimatorWorkout.Run(trainer, ml.Data.LoadFromEnumerable(QuadrantData.RegressionRows(20)), invalidInput: ml.Data.LoadFromEnumerable(QuadrantData.Rows(3)));

        Assert.AreEqual(NumberDataViewType.Single, scored.Schema["Score"].Type);
        Assert.IsNull(scored.Schema.GetColumnOrNull("PredictedLabel"));
    }

    [TestMethod]
    public void Options_EarlyStoppingOnAccuracy_IsRejectedForRegression()
    {
        var ml = new MLContext(seed: 1);
        var options = QuadrantData.Options<CnnRegressionTrainer.Options>(o =>
        {
            o.ValidationSetFraction = 0.2f;
            o.EarlyStopping = new EarlyStoppingOptions { Monitor = EarlyStoppingMonitor.ValidationAccuracy };
        });

        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Regression.Trainers.Cnn(options));

        Assert.AreEqual("EarlyStopping", error.ParamName);
        StringAssert.Contains(error.Message, "monitor ValidationLoss");
    }
}
