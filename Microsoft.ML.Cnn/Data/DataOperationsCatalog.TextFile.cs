// mlContext.Data.LoadFromTextFile: a delimited text file read into the columns a row class describes.
namespace Microsoft.ML.Cnn.Data;

public sealed partial class DataOperationsCatalog
{
    /// <summary>
    /// A lazy view over the delimited text file <paramref name="path"/>: one column per mapped member of
    /// <typeparamref name="TRow"/> (names and types as <see cref="LoadFromEnumerable"/>), read from the field(s) its
    /// <see cref="LoadColumnAttribute"/> gives. Numbers use the invariant culture; an empty Single/Double field is NaN.
    /// A value that does not parse fails when the cursor reaches it, naming the file, line, column and field.
    /// </summary>
    public IDataView LoadFromTextFile<TRow>(string path, char separatorChar = '\t', bool hasHeader = false, bool allowQuoting = false)
        where TRow : class
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (separatorChar == '"' && allowQuoting)
            throw new ArgumentException("The separator cannot be the quote character when allowQuoting is true.", nameof(separatorChar));
        var positions = RowTypeMembers.LoadColumns(typeof(TRow));
        var definition = SchemaDefinition.Create(typeof(TRow));
        var columns = new TextColumn[definition.Count];
        for (int i = 0; i < columns.Length; i++)
        {
            var column = definition[i];
            var at = positions[column.MemberName];
            int fields = at.End - at.Start + 1;
            DataViewType type = column.ColumnType;
            if (type is VectorDataViewType vector)
            {
                if (vector.IsKnownSize && vector.Size != fields)
                    throw new ArgumentException($"Column '{column.ColumnName}' is a vector of {vector.Size} items but [LoadColumn({at.Start}, {at.End})] reads {fields} fields.");
                if (!vector.IsKnownSize) type = new VectorDataViewType(vector.ItemType, fields);
            }
            else if (fields != 1)
                throw new ArgumentException($"Column '{column.ColumnName}' holds one value but [LoadColumn({at.Start}, {at.End})] reads {fields} fields; make the member an array.");
            columns[i] = new TextColumn(column.ColumnName, type, at.Start, at.End);
        }
        return new TextLoaderDataView(path, columns, separatorChar, hasHeader, allowQuoting);
    }
}
