// ML.NET's SchemaDefinition: the member-to-column mapping of a row class, editable before loading
// (e.g. to give an array member known vector dimensions without an attribute).
namespace Microsoft.ML.Cnn.Data;

/// <summary>How the public fields and properties of a row class map to columns; one entry per column.</summary>
public sealed class SchemaDefinition : List<SchemaDefinition.Column>
{
    /// <summary>
    /// The mapping read from <paramref name="userType"/>'s public fields and properties and their attributes
    /// (<see cref="ColumnNameAttribute"/>, <see cref="VectorTypeAttribute"/>, <see cref="KeyTypeAttribute"/>,
    /// <see cref="NoColumnAttribute"/>).
    /// </summary>
    public static SchemaDefinition Create(Type userType) => RowTypeMembers.Describe(userType);

    /// <summary>The column named <paramref name="columnName"/>; the error lists the defined names.</summary>
    public Column this[string columnName] => Find(c => c.ColumnName == columnName) ?? throw new ArgumentOutOfRangeException(
        nameof(columnName), $"No column named '{columnName}' in the schema definition. Defined: {string.Join(", ", this.Select(c => c.ColumnName))}.");

    /// <summary>One member mapped to one column.</summary>
    public sealed class Column(string memberName, string columnName, DataViewType columnType)
    {
        /// <summary>The field or property name in the row class.</summary>
        public string MemberName { get; set; } = memberName;

        /// <summary>The column name in the data view.</summary>
        public string ColumnName { get; set; } = columnName;

        /// <summary>The column type; its raw type must fit the member (e.g. float[] ↔ a vector of Single).</summary>
        public DataViewType ColumnType { get; set; } = columnType;
    }
}
