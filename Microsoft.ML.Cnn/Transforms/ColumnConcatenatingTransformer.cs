// Concatenate's transformer: one vector column holding the items of several scalar or vector columns of one item type,
// with slot names when any input has names to give (a scalar's name is its column name).
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Transforms;

/// <summary>Concatenates input columns into one vector column.</summary>
public sealed class ColumnConcatenatingTransformer : RowToRowTransformerBase
{
    private readonly string[] _inputColumnNames;

    /// <summary>Concatenates <paramref name="inputColumnNames"/>, in order, into <paramref name="outputColumnName"/>.</summary>
    public ColumnConcatenatingTransformer(string outputColumnName, params string[] inputColumnNames)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        ArgumentNullException.ThrowIfNull(inputColumnNames);
        if (inputColumnNames.Length == 0) throw new ArgumentException("Give at least one input column to concatenate.", nameof(inputColumnNames));
        foreach (var name in inputColumnNames) ArgumentException.ThrowIfNullOrEmpty(name, nameof(inputColumnNames));
        OutputColumnName = outputColumnName;
        _inputColumnNames = (string[])inputColumnNames.Clone();
    }

    /// <summary>The output column.</summary>
    public string OutputColumnName { get; }

    /// <summary>The input columns, in concatenation order.</summary>
    public IReadOnlyList<string> InputColumnNames => _inputColumnNames;

    /// <summary>The error for an input whose item type differs from the first input's (shared with the estimator).</summary>
    internal static ArgumentOutOfRangeException ItemTypeMismatch(string name, string expected, string first, string actual) =>
        SchemaErrors.Mismatch(name, $"items of {expected} (the item type of '{first}', the first input)", actual);

    internal const string LoaderSignature = "ColumnConcatenating";

    /// <inheritdoc/>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetLoader(LoaderSignature, 1);
        context.Writer.WriteString(OutputColumnName);
        context.Writer.WriteStrings(_inputColumnNames);
    }

    internal static ColumnConcatenatingTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        string output = context.Reader.ReadString("output column");
        return new ColumnConcatenatingTransformer(output, context.Reader.ReadStrings("input columns"));
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema)
    {
        var inputs = new DataViewSchema.Column[_inputColumnNames.Length];
        PrimitiveDataViewType? itemType = null;
        int size = 0;
        bool knownSize = true, named = false;
        for (int i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i] = FindInput(inputSchema, _inputColumnNames[i]);
            var vector = input.Type as VectorDataViewType;
            var item = vector?.ItemType ?? (PrimitiveDataViewType)input.Type;
            itemType ??= item;
            if (!item.Equals(itemType)) throw ItemTypeMismatch(input.Name, itemType.ToString()!, inputs[0].Name, input.Type.ToString()!);
            knownSize &= vector?.IsKnownSize ?? true;
            size += vector?.Size ?? 1;
            named |= vector == null || input.Annotations.Schema.GetColumnOrNull(AnnotationKinds.SlotNames) != null;
        }
        var type = knownSize ? new VectorDataViewType(itemType!, size) : new VectorDataViewType(itemType!);
        var annotations = knownSize && named ? SlotNames(inputs, size) : null;
        return [ItemTypes.Visit(itemType!, new ConcatenationFactory(OutputColumnName, type, annotations, inputs))];
    }

    /// <summary>Slot names: a scalar's column name, a vector's own slot names, or empty for an unnamed vector's slots.</summary>
    private static DataViewSchema.Annotations SlotNames(DataViewSchema.Column[] inputs, int size)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        builder.AddSlotNames(size, (ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            var names = new ReadOnlyMemory<char>[size];
            int offset = 0;
            VBuffer<ReadOnlyMemory<char>> slotNames = default;
            foreach (var input in inputs)
            {
                if (input.Type is not VectorDataViewType vector) { names[offset++] = input.Name.AsMemory(); continue; }
                if (input.Annotations.Schema.GetColumnOrNull(AnnotationKinds.SlotNames) != null)
                {
                    input.Annotations.GetValue(AnnotationKinds.SlotNames, ref slotNames);
                    slotNames.GetValues().CopyTo(names.AsSpan(offset));
                }
                offset += vector.Size;
            }
            new VBuffer<ReadOnlyMemory<char>>(names).CopyTo(ref value);
        });
        return builder.ToAnnotations();
    }

    private sealed class ConcatenationFactory(string name, VectorDataViewType type, DataViewSchema.Annotations? annotations,
        DataViewSchema.Column[] inputs) : IRawTypeVisitor<MappedColumn>
    {
        public MappedColumn VisitScalar<TItem>() => MappedColumn.Create<VBuffer<TItem>>(name, type, annotations, inputs, row =>
        {
            var appenders = Array.ConvertAll(inputs, input => Appender<TItem>(row, input));
            var scratch = new TItem[Math.Max(type.Size, 16)];
            return (ref VBuffer<TItem> value) =>
            {
                int length = 0;
                foreach (var append in appenders) length = append(ref scratch, length);
                new VBuffer<TItem>(length, scratch).CopyTo(ref value);
            };
        });

        public MappedColumn VisitVector<TItem>() => throw new InvalidOperationException("Vector item types are never vectors.");

        /// <summary>Appends one input's current items at <c>offset</c> of the scratch array (growing it), returning the new length.</summary>
        private delegate int Append<TItem>(ref TItem[] scratch, int offset);

        private static Append<TItem> Appender<TItem>(DataViewRow row, DataViewSchema.Column input)
        {
            if (input.Type is not VectorDataViewType)
            {
                var getter = row.GetGetter<TItem>(input);
                return (ref TItem[] scratch, int offset) =>
                {
                    EnsureCapacity(ref scratch, offset + 1);
                    getter(ref scratch[offset]);
                    return offset + 1;
                };
            }
            var vectorGetter = row.GetGetter<VBuffer<TItem>>(input);
            VBuffer<TItem> buffer = default;
            return (ref TItem[] scratch, int offset) =>
            {
                vectorGetter(ref buffer);
                EnsureCapacity(ref scratch, offset + buffer.Length);
                buffer.GetValues().CopyTo(scratch.AsSpan(offset));
                return offset + buffer.Length;
            };
        }

        private static void EnsureCapacity<TItem>(ref TItem[] scratch, int length)
        {
            if (scratch.Length < length) Array.Resize(ref scratch, Math.Max(length, scratch.Length * 2));
        }
    }
}
