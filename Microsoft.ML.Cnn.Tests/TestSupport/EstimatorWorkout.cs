// ML.NET's TestEstimatorCore "workout": an estimator's predicted schema must equal the schema its fitted transformer
// really produces, every output column must be readable, and invalid input must fail both before and at Fit.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal static class EstimatorWorkout
{
    /// <summary>Fits on <paramref name="validInput"/>, checks schema propagation and reads every row; returns the output.</summary>
    public static IDataView Run<TTransformer>(IEstimator<TTransformer> estimator, IDataView validInput, IDataView? invalidInput = null)
        where TTransformer : ITransformer
    {
        var predicted = estimator.GetOutputSchema(SchemaShape.Create(validInput.Schema));
        var transformer = estimator.Fit(validInput);
        var output = transformer.Transform(validInput);
        AssertSameShape(predicted, SchemaShape.Create(output.Schema));
        AssertSameSchema(transformer.GetOutputSchema(validInput.Schema), output.Schema);
        ReadAll(output);
        if (invalidInput != null) AssertRejected(estimator, invalidInput);
        return output;
    }

    /// <summary>Invalid input fails in both <c>GetOutputSchema</c> and <c>Fit</c>; returns the two messages.</summary>
    public static (string SchemaMessage, string FitMessage) AssertRejected<TTransformer>(IEstimator<TTransformer> estimator, IDataView invalidInput)
        where TTransformer : ITransformer
    {
        var atSchema = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(SchemaShape.Create(invalidInput.Schema)));
        var atFit = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(invalidInput));
        return (atSchema.Message, atFit.Message);
    }

    public static void AssertSameShape(SchemaShape expected, SchemaShape actual)
    {
        Assert.AreEqual(expected.Count, actual.Count, $"Predicted columns [{expected}] but got [{actual}].");
        foreach (var column in expected)
        {
            Assert.IsTrue(actual.TryFindColumn(column.Name, out var real), $"Predicted column '{column.Name}' is not in the output [{actual}].");
            Assert.IsTrue(column.IsSameAs(real), $"Predicted {column} (annotations: {column.Annotations}) but got {real} (annotations: {real.Annotations}).");
        }
    }

    private static void AssertSameSchema(DataViewSchema expected, DataViewSchema actual)
    {
        Assert.AreEqual(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.AreEqual(expected[i].Name, actual[i].Name);
            Assert.AreEqual(expected[i].Type, actual[i].Type, $"Column '{expected[i].Name}'.");
        }
    }

    /// <summary>Moves a cursor over every visible column through all rows, calling each getter.</summary>
    private static void ReadAll(IDataView view)
    {
        var columns = view.Schema.Where(c => !c.IsHidden).ToArray();
        using var cursor = view.GetRowCursor(columns);
        var readers = columns.Select(c => ItemTypeReader.For(cursor, c)).ToArray();
        while (cursor.MoveNext())
            foreach (var read in readers) read();
    }

    private static class ItemTypeReader
    {
        public static Action For(DataViewRow row, DataViewSchema.Column column) => column.Type switch
        {
            VectorDataViewType v => v.ItemType.RawType switch
            {
                var t when t == typeof(float) => Vector<float>(row, column),
                var t when t == typeof(double) => Vector<double>(row, column),
                var t when t == typeof(int) => Vector<int>(row, column),
                var t when t == typeof(uint) => Vector<uint>(row, column),
                var t when t == typeof(byte) => Vector<byte>(row, column),
                var t when t == typeof(bool) => Vector<bool>(row, column),
                _ => Vector<ReadOnlyMemory<char>>(row, column),
            },
            var t when t.RawType == typeof(float) => Scalar<float>(row, column),
            var t when t.RawType == typeof(double) => Scalar<double>(row, column),
            var t when t.RawType == typeof(int) => Scalar<int>(row, column),
            var t when t.RawType == typeof(uint) => Scalar<uint>(row, column),
            var t when t.RawType == typeof(byte) => Scalar<byte>(row, column),
            var t when t.RawType == typeof(bool) => Scalar<bool>(row, column),
            var t when t.RawType == typeof(MLImage) => Scalar<MLImage>(row, column),
            _ => Scalar<ReadOnlyMemory<char>>(row, column),
        };

        private static Action Scalar<T>(DataViewRow row, DataViewSchema.Column column)
        {
            var getter = row.GetGetter<T>(column);
            T value = default!;
            return () => getter(ref value);
        }

        private static Action Vector<T>(DataViewRow row, DataViewSchema.Column column)
        {
            var getter = row.GetGetter<VBuffer<T>>(column);
            VBuffer<T> value = default;
            return () =>
            {
                getter(ref value);
                if (column.Type is VectorDataViewType { IsKnownSize: true } known)
                    Assert.AreEqual(known.Size, value.Length, $"Column '{column.Name}' declares {known.Size} items.");
            };
        }
    }
}
