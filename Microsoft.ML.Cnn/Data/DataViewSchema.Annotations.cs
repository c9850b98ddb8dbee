// Column annotations as in ML.NET: a one-row set of named, typed values (kinds such as SlotNames and KeyValues).
namespace Microsoft.ML.Cnn.Data;

public sealed partial class DataViewSchema
{
    /// <summary>Named values attached to a column; <see cref="Schema"/> lists the kinds present and their types.</summary>
    public sealed class Annotations
    {
        private readonly Delegate[] _getters;

        private Annotations(DataViewSchema schema, Delegate[] getters)
        {
            Schema = schema;
            _getters = getters;
        }

        /// <summary>No annotations.</summary>
        public static Annotations Empty { get; } = new(DataViewSchema.Empty, []);

        /// <summary>One column per annotation kind, named by the kind.</summary>
        public DataViewSchema Schema { get; }

        /// <summary>A getter for the annotation <paramref name="column"/> of <see cref="Schema"/>.</summary>
        public ValueGetter<TValue> GetGetter<TValue>(Column column)
        {
            if ((uint)column.Index >= (uint)_getters.Length || Schema[column.Index].Name != column.Name)
                throw new ArgumentOutOfRangeException(nameof(column), $"Annotation '{column.Name}' does not belong to this annotation set.");
            return _getters[column.Index] as ValueGetter<TValue> ?? throw new InvalidOperationException(
                $"Annotation '{column.Name}' has type {column.Type} (read as {column.Type.RawType.Name}), not {typeof(TValue).Name}.");
        }

        /// <summary>Reads the annotation of kind <paramref name="kind"/>; fails naming the kinds present when it is absent.</summary>
        public void GetValue<TValue>(string kind, ref TValue value)
        {
            var column = Schema.GetColumnOrNull(kind) ?? throw new InvalidOperationException(
                $"No annotation of kind '{kind}'. Present kinds: {Schema.AvailableNames()}.");
            GetGetter<TValue>(column)(ref value);
        }

        /// <summary>Builds an annotation set kind by kind.</summary>
        public sealed class Builder
        {
            private readonly DataViewSchema.Builder _schema = new();
            private readonly List<Delegate> _getters = [];

            /// <summary>Adds the annotation <paramref name="kind"/> of <paramref name="type"/>, read by <paramref name="getter"/>.</summary>
            public void Add<TValue>(string kind, DataViewType type, ValueGetter<TValue> getter, Annotations? annotations = null)
            {
                ArgumentNullException.ThrowIfNull(getter);
                ArgumentNullException.ThrowIfNull(type);
                if (type.RawType != typeof(TValue))
                    throw new ArgumentException($"Annotation '{kind}' of type {type} is read as {type.RawType.Name}, but the getter reads {typeof(TValue).Name}.", nameof(getter));
                _schema.AddColumn(kind, type, annotations);
                _getters.Add(getter);
            }

            /// <summary>Adds <see cref="AnnotationKinds.SlotNames"/>: <paramref name="size"/> text names.</summary>
            public void AddSlotNames(int size, ValueGetter<VBuffer<ReadOnlyMemory<char>>> getter) =>
                Add(AnnotationKinds.SlotNames, new VectorDataViewType(TextDataViewType.Instance, size), getter);

            /// <summary>Adds <see cref="AnnotationKinds.KeyValues"/>: <paramref name="size"/> values of <paramref name="valueType"/>.</summary>
            public void AddKeyValues<TValue>(int size, PrimitiveDataViewType valueType, ValueGetter<VBuffer<TValue>> getter) =>
                Add(AnnotationKinds.KeyValues, new VectorDataViewType(valueType, size), getter);

            /// <summary>Adds <paramref name="source"/>'s annotation of kind <paramref name="kind"/> as it is (type, value, nested annotations).</summary>
            internal void Add(Annotations source, string kind)
            {
                var column = source.Schema[kind];
                _schema.AddColumn(kind, column.Type, column.Annotations);
                _getters.Add(source._getters[column.Index]);
            }

            /// <summary>The annotations added so far.</summary>
            public Annotations ToAnnotations() => new(_schema.ToSchema(), [.. _getters]);
        }
    }
}
