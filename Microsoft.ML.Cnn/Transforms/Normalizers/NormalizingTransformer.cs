// The fitted normalizer: applies its NormalizerModelParameters to every row of the column it was fitted on.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Normalizers;

/// <summary>Adds a column of normalized values, of the input's type, with the input's annotations.</summary>
public sealed class NormalizingTransformer : RowToRowTransformerBase
{
    internal NormalizingTransformer(string outputColumnName, string inputColumnName, DataViewType inputType, NormalizerModelParameters parameters)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        InputType = inputType;
        ModelParameters = parameters;
    }

    /// <summary>The normalized column added.</summary>
    public string OutputColumnName { get; }

    /// <summary>The column normalized.</summary>
    public string InputColumnName { get; }

    /// <summary>The type the normalizer was fitted on; the input must have it.</summary>
    public DataViewType InputType { get; }

    /// <summary>The learned function: <see cref="AffineNormalizerModelParameters"/> or <see cref="CdfNormalizerModelParameters"/>.</summary>
    public NormalizerModelParameters ModelParameters { get; }

    internal const string LoaderSignature = "Normalizing";

    /// <summary>Saves the fitted statistics bit for bit (float32), so a loaded normalizer gives identical output.</summary>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetLoader(LoaderSignature, 1);
        var writer = context.Writer;
        writer.WriteString(OutputColumnName);
        writer.WriteString(InputColumnName);
        writer.WriteType(InputType);
        ModelParameters.Save(writer);
    }

    internal static NormalizingTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        var reader = context.Reader;
        string output = reader.ReadString("output column"), input = reader.ReadString("input column");
        var type = reader.ReadType("input type");
        int slots = type switch
        {
            VectorDataViewType { ItemType: var item, IsKnownSize: true } vector when item == NumberDataViewType.Single => vector.Size,
            _ when type == NumberDataViewType.Single => 1,
            _ => throw reader.Invalid($"a normalizer's input type is {type}; expected {NormalizingEstimator.ExpectedInput}."),
        };
        return new NormalizingTransformer(output, input, type, NormalizerModelParameters.Load(reader, slots));
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema)
    {
        var input = FindInput(inputSchema, InputColumnName);
        if (!input.Type.Equals(InputType)) throw SchemaErrors.Mismatch(InputColumnName, $"{InputType} (the type it was fitted on)", input.Type.ToString()!);
        if (InputType is not VectorDataViewType)
        {
            return [MappedColumn.Create<float>(OutputColumnName, InputType, input.Annotations, [input], row =>
            {
                var read = row.GetGetter<float>(input);
                float x = 0;
                return (ref float value) =>
                {
                    read(ref x);
                    ModelParameters.Normalize(new ReadOnlySpan<float>(in x), new Span<float>(ref value));
                };
            })];
        }
        return [MappedColumn.Create<VBuffer<float>>(OutputColumnName, InputType, input.Annotations, [input], row =>
        {
            var read = SlotReader.Create(row, input, InputColumnName);
            var output = new float[ModelParameters.SlotCount];
            return (ref VBuffer<float> value) =>
            {
                ModelParameters.Normalize(read(), output);
                new VBuffer<float>(output).CopyTo(ref value);
            };
        })];
    }
}
