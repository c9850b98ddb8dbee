// mlContext.Transforms: one-line factories for the transform estimators, grouped as in ML.NET.
namespace Microsoft.ML.Cnn.Transforms;

/// <summary>Data transformations, reached as <c>mlContext.Transforms</c>.</summary>
public sealed class TransformsCatalog
{
    internal TransformsCatalog() { }

    /// <summary>Copies <paramref name="inputColumnName"/> to <paramref name="outputColumnName"/>.</summary>
    public ColumnCopyingEstimator CopyColumns(string outputColumnName, string inputColumnName) =>
        new((outputColumnName, inputColumnName));

    /// <summary>Copies each input column of <paramref name="columns"/> to its output column.</summary>
    public ColumnCopyingEstimator CopyColumns(params (string OutputColumnName, string InputColumnName)[] columns) => new(columns);
}
