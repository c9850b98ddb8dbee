// ML.NET's RegressionMetrics: the result of mlContext.Regression.Evaluate.
namespace Microsoft.ML.Cnn.Evaluation;

/// <summary>Evaluation results of a regression model, with ML.NET's names and definitions.</summary>
public sealed class RegressionMetrics
{
    internal RegressionMetrics(double meanAbsoluteError, double meanSquaredError, double lossFunction, double rSquared)
    {
        MeanAbsoluteError = meanAbsoluteError;
        MeanSquaredError = meanSquaredError;
        RootMeanSquaredError = Math.Sqrt(meanSquaredError);
        LossFunction = lossFunction;
        RSquared = rSquared;
    }

    /// <summary>The mean absolute error, <c>(1/m) Σ |label - score|</c>.</summary>
    public double MeanAbsoluteError { get; }

    /// <summary>The mean squared error, <c>(1/m) Σ (label - score)²</c>.</summary>
    public double MeanSquaredError { get; }

    /// <summary>The square root of <see cref="MeanSquaredError"/>, in the label's units.</summary>
    public double RootMeanSquaredError { get; }

    /// <summary>The mean of the loss function; ML.NET's default loss is the squared loss, so this equals <see cref="MeanSquaredError"/>.</summary>
    public double LossFunction { get; }

    /// <summary>
    /// The coefficient of determination, <c>1 - MSE / Var(label)</c> (population variance of the evaluated labels):
    /// 1 for a perfect fit, 0 for predicting the mean, negative when worse; -∞ or NaN when every label is equal.
    /// </summary>
    public double RSquared { get; }
}
