// mlContext.Transforms.CopyColumns: a trivial estimator around ColumnCopyingTransformer.
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Transforms;

/// <summary>Copies input columns to new names.</summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ###  Estimator Characteristics
/// |  |  |
/// | -- | -- |
/// | Does this estimator need to look at the data to train its parameters? | No |
/// | Input column data type | Any |
/// | Output column data type | The type of the input column |
/// ]]></format>
/// The output column also carries the input column's annotations.
/// </remarks>
public sealed class ColumnCopyingEstimator : TrivialEstimator<ColumnCopyingTransformer>
{
    /// <summary>Copies each <c>InputColumnName</c> to <c>OutputColumnName</c>.</summary>
    public ColumnCopyingEstimator(params (string OutputColumnName, string InputColumnName)[] columns)
        : base(new ColumnCopyingTransformer(columns)) { }

    /// <inheritdoc/>
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var result = new List<SchemaShape.Column>(inputSchema);
        foreach (var (output, inputName) in Transformer.Columns)
        {
            var input = SchemaErrors.Find(inputSchema, inputName);
            result.RemoveAll(c => c.Name == output);
            result.Add(new SchemaShape.Column(output, input.Kind, input.ItemType, input.IsKey, input.Annotations));
        }
        return new SchemaShape(result);
    }
}
