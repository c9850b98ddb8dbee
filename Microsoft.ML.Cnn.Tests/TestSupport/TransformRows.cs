// Small row classes and helpers shared by the transform tests.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

public sealed class FruitRow
{
    public string Fruit = "";
    public float Weight;
    [VectorType(2)] public float[] Size = [];
}

public sealed class FruitOutputRow
{
    public string Fruit = "";
    public string Restored = "";
}

internal static class TransformRows
{
    public static readonly string[] Fruits = ["pear", "apple", "pear", "fig", "apple"];

    /// <summary>One row per fruit: Weight = index, Size = [index, 10 * index].</summary>
    public static IDataView Fruit(MLContext context, params string[] fruits) =>
        context.Data.LoadFromEnumerable(fruits.Select((f, i) => new FruitRow { Fruit = f, Weight = i, Size = [i, 10 * i] }).ToArray());

    /// <summary>Rows with no fruit columns (X: Single, Group: text), for missing-column cases.</summary>
    public static IDataView Points(MLContext context) =>
        context.Data.LoadFromEnumerable(new[] { new Data.PointRow { X = 1, Group = "g" } });

    /// <summary>All values of a scalar column, in row order.</summary>
    public static T[] Column<T>(IDataView view, string name)
    {
        var column = view.Schema[name];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<T>(column);
        var values = new List<T>();
        T value = default!;
        while (cursor.MoveNext()) { getter(ref value); values.Add(value); }
        return [.. values];
    }

    /// <summary>All values of a vector column, in row order.</summary>
    public static T[][] VectorColumn<T>(IDataView view, string name)
    {
        var column = view.Schema[name];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<T>>(column);
        var values = new List<T[]>();
        VBuffer<T> value = default;
        while (cursor.MoveNext()) { getter(ref value); values.Add(value.ToArray()); }
        return [.. values];
    }

    /// <summary>Text values as strings.</summary>
    public static string[] Text(IDataView view, string name) => Column<ReadOnlyMemory<char>>(view, name).Select(m => m.ToString()).ToArray();
}
