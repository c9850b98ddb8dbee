// MapKeyToValue: the inverse of MapValueToKey, driven by the key column's KeyValues annotation (nothing to learn).
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Conversion;

/// <summary>Maps keys back to the values they stand for.</summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ###  Estimator Characteristics
/// |  |  |
/// | -- | -- |
/// | Does this estimator need to look at the data to train its parameters? | No |
/// | Input column data type | Scalar key type with a KeyValues annotation |
/// | Output column data type | The item type of the KeyValues annotation |
/// ]]></format>
/// Key 0 (missing) and keys beyond the annotation map to the missing value: NaN for Single/Double, empty text, or default.
/// </remarks>
public sealed class KeyToValueMappingEstimator : TrivialEstimator<KeyToValueMappingTransformer>
{
    /// <summary>Maps the keys of <paramref name="inputColumnName"/> (default: the output name) to values in <paramref name="outputColumnName"/>.</summary>
    public KeyToValueMappingEstimator(string outputColumnName, string? inputColumnName = null)
        : base(new KeyToValueMappingTransformer(outputColumnName, inputColumnName)) { }

    /// <inheritdoc/>
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var input = SchemaErrors.Find(inputSchema, Transformer.InputColumnName);
        bool hasKeyValues = input.Annotations.TryFindColumn(AnnotationKinds.KeyValues, out var keyValues);
        if (!input.IsKey || input.Kind != SchemaShape.VectorKind.Scalar || !hasKeyValues || keyValues.Kind != SchemaShape.VectorKind.Vector)
            throw KeyToValueMappingTransformer.NoKeyValues(input.Name, $"{input.GetTypeString()}{(hasKeyValues ? "" : " without KeyValues")}");
        var result = new List<SchemaShape.Column>(inputSchema);
        result.RemoveAll(c => c.Name == Transformer.OutputColumnName);
        result.Add(new SchemaShape.Column(Transformer.OutputColumnName, SchemaShape.VectorKind.Scalar, keyValues.ItemType, keyValues.IsKey));
        return new SchemaShape(result);
    }
}
