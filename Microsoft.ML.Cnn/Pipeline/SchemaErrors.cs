// The two errors every pipeline step raises on bad input, worded once (after ML.NET's "Schema mismatch" messages).
namespace Microsoft.ML.Cnn.Pipeline;

/// <summary>Exceptions for an input column that is missing or of the wrong type.</summary>
public static class SchemaErrors
{
    /// <summary>Input column <paramref name="name"/> does not exist; lists what does.</summary>
    public static ArgumentOutOfRangeException MissingColumn(string name, string availableColumns) =>
        new("inputSchema", $"Input column '{name}' not found. Available columns: {availableColumns}.");

    /// <summary>Input column <paramref name="name"/> exists but is <paramref name="actual"/>, not <paramref name="expected"/>.</summary>
    public static ArgumentOutOfRangeException Mismatch(string name, string expected, string actual) =>
        new("inputSchema", $"Schema mismatch for input column '{name}': expected {expected}, got {actual}.");

    /// <summary>The input column <paramref name="name"/> of <paramref name="shape"/>, or the missing-column error.</summary>
    public static SchemaShape.Column Find(SchemaShape shape, string name)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.TryFindColumn(name, out var column) ? column : throw MissingColumn(name, shape.AvailableNames());
    }
}
