// mlContext.Transforms.Concatenate: a trivial estimator around ColumnConcatenatingTransformer.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Transforms;

/// <summary>Concatenates scalar and vector columns of one item type into a vector column.</summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ###  Estimator Characteristics
/// |  |  |
/// | -- | -- |
/// | Does this estimator need to look at the data to train its parameters? | No |
/// | Input column data type | Scalars or vectors, all of the same item type |
/// | Output column data type | A vector of that item type (known size when every input has one) |
/// ]]></format>
/// The output is one-dimensional. When its size is known and some input is a scalar or has slot names, it carries
/// SlotNames: a scalar's slot is named after its column, a vector's slots keep their names (empty when it has none).
/// </remarks>
public sealed class ColumnConcatenatingEstimator : TrivialEstimator<ColumnConcatenatingTransformer>
{
    /// <summary>Concatenates <paramref name="inputColumnNames"/>, in order, into <paramref name="outputColumnName"/>.</summary>
    public ColumnConcatenatingEstimator(string outputColumnName, params string[] inputColumnNames)
        : base(new ColumnConcatenatingTransformer(outputColumnName, inputColumnNames)) { }

    /// <inheritdoc/>
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var names = Transformer.InputColumnNames;
        var first = SchemaErrors.Find(inputSchema, names[0]);
        bool knownSize = true, named = false;
        foreach (var name in names)
        {
            var input = SchemaErrors.Find(inputSchema, name);
            if (!input.ItemType.Equals(first.ItemType) || input.IsKey != first.IsKey)
                throw ColumnConcatenatingTransformer.ItemTypeMismatch(name, ItemString(first), first.Name, input.GetTypeString());
            knownSize &= input.Kind != SchemaShape.VectorKind.VariableVector;
            named |= input.Kind == SchemaShape.VectorKind.Scalar || input.Annotations.TryFindColumn(AnnotationKinds.SlotNames, out _);
        }
        var annotations = knownSize && named
            ? new SchemaShape([new SchemaShape.Column(AnnotationKinds.SlotNames, SchemaShape.VectorKind.Vector, TextDataViewType.Instance, false)])
            : null;
        var kind = knownSize ? SchemaShape.VectorKind.Vector : SchemaShape.VectorKind.VariableVector;
        var result = new List<SchemaShape.Column>(inputSchema);
        result.RemoveAll(c => c.Name == Transformer.OutputColumnName);
        result.Add(new SchemaShape.Column(Transformer.OutputColumnName, kind, first.ItemType, first.IsKey, annotations));
        return new SchemaShape(result);
    }

    private static string ItemString(SchemaShape.Column column) => column.IsKey ? $"Key<{column.ItemType.RawType.Name}>" : column.ItemType.ToString()!;
}
