// CopyColumns' transformer: each output column repeats an input column's values, type and annotations.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Transforms;

/// <summary>Adds copies of input columns under new names.</summary>
public sealed class ColumnCopyingTransformer : RowToRowTransformerBase
{
    private readonly (string OutputColumnName, string InputColumnName)[] _columns;

    /// <summary>Copies each <c>InputColumnName</c> to <c>OutputColumnName</c>.</summary>
    public ColumnCopyingTransformer(params (string OutputColumnName, string InputColumnName)[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0) throw new ArgumentException("Give at least one (output, input) column pair to copy.", nameof(columns));
        foreach (var (output, input) in columns)
        {
            ArgumentException.ThrowIfNullOrEmpty(output, nameof(columns));
            ArgumentException.ThrowIfNullOrEmpty(input, nameof(columns));
        }
        _columns = (((string, string)[])columns.Clone());
    }

    /// <summary>The (output, input) column pairs.</summary>
    public IReadOnlyList<(string OutputColumnName, string InputColumnName)> Columns => _columns;

    internal const string LoaderSignature = "ColumnCopying";

    /// <inheritdoc/>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetLoader(LoaderSignature, 1);
        context.Writer.WriteInt32(_columns.Length);
        foreach (var (output, input) in _columns)
        {
            context.Writer.WriteString(output);
            context.Writer.WriteString(input);
        }
    }

    internal static ColumnCopyingTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        int count = context.Reader.ReadInt32(1, 100_000, "number of copied columns");
        var columns = new (string, string)[count];
        for (int i = 0; i < count; i++) columns[i] = (context.Reader.ReadString("output column"), context.Reader.ReadString("input column"));
        return new ColumnCopyingTransformer(columns);
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema)
    {
        var mapped = new MappedColumn[_columns.Length];
        for (int i = 0; i < mapped.Length; i++)
        {
            var input = FindInput(inputSchema, _columns[i].InputColumnName);
            mapped[i] = ItemTypes.Visit(input.Type, new CopyFactory(_columns[i].OutputColumnName, input));
        }
        return mapped;
    }

    private sealed class CopyFactory(string name, DataViewSchema.Column input) : IRawTypeVisitor<MappedColumn>
    {
        public MappedColumn VisitScalar<T>() => Copy<T>();
        public MappedColumn VisitVector<TItem>() => Copy<VBuffer<TItem>>();

        private MappedColumn Copy<TValue>() =>
            MappedColumn.Create(name, input.Type, input.Annotations, [input], row => row.GetGetter<TValue>(input));
    }
}
