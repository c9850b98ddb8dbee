// mlContext.Data.TakeRows / SkipRows, as ML.NET has them: lazy views of a contiguous run of rows.
namespace Microsoft.ML.Cnn.Data;

public sealed partial class DataOperationsCatalog
{
    /// <summary>The first <paramref name="count"/> rows of <paramref name="input"/> (all of them when it has fewer); lazy.</summary>
    public IDataView TakeRows(IDataView input, long count)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new RowRangeDataView(input, 0, count);
    }

    /// <summary>The rows of <paramref name="input"/> after its first <paramref name="count"/>; lazy.</summary>
    public IDataView SkipRows(IDataView input, long count)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new RowRangeDataView(input, count, long.MaxValue);
    }
}
