// The feature and weight column rules shared by the Cnn trainers and transformers: what types they accept, how a
// feature vector's dimensions become the network's input shape, and the errors (naming the column) when they do not fit.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>Column validation and shape resolution for the Cnn trainers.</summary>
internal static class CnnColumns
{
    private const string FeatureExpectation = "a known-size vector of Single with dimensions (C, H, W), e.g. Vector<Single, 3, 32, 32> from ExtractPixels, or (H, W), or a flat (N)";

    /// <summary>Checks the feature column of a schema shape (dimensions are not known there, only the kind).</summary>
    public static void CheckFeatures(SchemaShape inputSchema, string name)
    {
        var column = SchemaErrors.Find(inputSchema, name);
        if (column.Kind != SchemaShape.VectorKind.Vector || column.IsKey || !column.ItemType.Equals(NumberDataViewType.Single))
            throw SchemaErrors.Mismatch(name, FeatureExpectation, column.GetTypeString());
    }

    /// <summary>Checks the example-weight column of a schema shape, when one is named.</summary>
    public static void CheckWeight(SchemaShape inputSchema, string? name)
    {
        if (name is null) return;
        var column = SchemaErrors.Find(inputSchema, name);
        if (column.Kind != SchemaShape.VectorKind.Scalar || column.IsKey || !column.ItemType.Equals(NumberDataViewType.Single))
            throw SchemaErrors.Mismatch(name, "a Single example weight", column.GetTypeString());
    }

    /// <summary>The visible column <paramref name="name"/> of <paramref name="schema"/>, or the missing-column error.</summary>
    public static DataViewSchema.Column Find(DataViewSchema schema, string name) =>
        schema.GetColumnOrNull(name) ?? throw SchemaErrors.MissingColumn(name, schema.AvailableNames());

    /// <summary>The feature column and the per-sample shape its dimensions give: (C, H, W), (1, H, W) for (H, W), or (N).</summary>
    public static (DataViewSchema.Column Column, Shape Shape) Features(DataViewSchema schema, string name)
    {
        var column = Find(schema, name);
        if (column.Type is not VectorDataViewType { IsKnownSize: true } vector || !vector.ItemType.Equals(NumberDataViewType.Single))
            throw SchemaErrors.Mismatch(name, FeatureExpectation, column.Type.ToString()!);
        var dims = vector.Dimensions;
        var shape = dims.Count switch
        {
            1 or 3 => new Shape([.. dims]),
            2 => new Shape(1, dims[0], dims[1]),
            _ => throw SchemaErrors.Mismatch(name, FeatureExpectation, $"{vector} ({dims.Count} dimensions)"),
        };
        return (column, shape);
    }

    /// <summary>The example-weight column, checked; null when none is named.</summary>
    public static DataViewSchema.Column? Weight(DataViewSchema schema, string? name)
    {
        if (name is null) return null;
        var column = Find(schema, name);
        if (!column.Type.Equals(NumberDataViewType.Single)) throw SchemaErrors.Mismatch(name, "a Single example weight", column.Type.ToString()!);
        return column;
    }

    /// <summary>The feature column's shape does not fit the architecture; the message has the architecture's reason (e.g. the layer).</summary>
    public static ArgumentOutOfRangeException ArchitectureMismatch(DataViewSchema.Column features, Shape shape, CnnArchitecture architecture, Exception reason)
    {
        string hint = shape.Rank == 1
            ? $" A flat feature vector feeds networks whose input is {shape}; for images declare the column's dimensions as (C, H, W)."
            : " Use an architecture that fits these images (ArchitecturePreset.SmallResNet fits any image size) or resize them.";
        return new ArgumentOutOfRangeException(
            $"Feature column '{features.Name}' ({features.Type}, samples of shape {shape}) does not fit the {architecture}: {reason.Message}{hint}", reason);
    }

    /// <summary>A column of another data set (validation) must have the training column's type.</summary>
    public static void CheckSameType(DataViewSchema schema, DataViewSchema.Column trained, string dataName)
    {
        var column = schema.GetColumnOrNull(trained.Name) ?? throw new ArgumentOutOfRangeException(dataName,
            $"The {dataName} has no column '{trained.Name}'. Available columns: {schema.AvailableNames()}; transform it with the steps before the trainer.");
        if (!column.Type.Equals(trained.Type))
            throw new ArgumentOutOfRangeException(dataName, $"Column '{trained.Name}' of the {dataName} is {column.Type}; the training data's is {trained.Type}.");
    }
}
