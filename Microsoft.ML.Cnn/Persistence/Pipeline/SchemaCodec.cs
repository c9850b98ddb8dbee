// The input schema stored beside a saved pipeline (Model.Load's out parameter): column names, types, and the
// annotations whose values are primitives or vectors of them (SlotNames, KeyValues); other annotations are dropped.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Persistence.Pipeline;

internal static class SchemaCodec
{
    private const int MaxColumns = 100_000;
    private const int MaxAnnotations = 64;

    public static void Write(ModelStreamWriter writer, DataViewSchema schema)
    {
        var columns = schema.Where(c => !c.IsHidden).ToArray();
        foreach (var column in columns)
            if (!DataViewTypeCodec.CanWrite(column.Type))
                throw new NotSupportedException($"Input column '{column.Name}' has type {column.Type}, which a model file cannot describe; drop or convert the column before saving.");
        writer.WriteInt32(columns.Length);
        foreach (var column in columns)
        {
            writer.WriteString(column.Name);
            writer.WriteType(column.Type);
            var annotations = column.Annotations.Schema.Where(a => IsSavable(a.Type)).ToArray();
            writer.WriteInt32(annotations.Length);
            foreach (var annotation in annotations)
            {
                writer.WriteString(annotation.Name);
                writer.WriteType(annotation.Type);
                ItemTypes.Visit(annotation.Type, new AnnotationWriter(writer, column.Annotations, annotation));
            }
        }
    }

    public static DataViewSchema Read(ModelStreamReader reader)
    {
        int count = reader.ReadInt32(0, MaxColumns, "number of input columns");
        var builder = new DataViewSchema.Builder();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string name = reader.ReadString($"name of input column {i}");
            if (name.Length == 0 || !names.Add(name)) throw reader.Invalid($"input column {i} has an empty or repeated name '{name}'.");
            var type = reader.ReadType($"type of input column '{name}'");
            int annotationCount = reader.ReadInt32(0, MaxAnnotations, $"number of annotations of '{name}'");
            var annotations = new DataViewSchema.Annotations.Builder();
            var kinds = new HashSet<string>(StringComparer.Ordinal);
            for (int a = 0; a < annotationCount; a++)
            {
                string kind = reader.ReadString($"annotation kind {a} of '{name}'");
                if (kind.Length == 0 || !kinds.Add(kind)) throw reader.Invalid($"annotation {a} of '{name}' has an empty or repeated kind '{kind}'.");
                var annotationType = reader.ReadType($"type of annotation '{kind}' of '{name}'");
                if (!IsSavable(annotationType)) throw reader.Invalid($"annotation '{kind}' of '{name}' has unsupported type {annotationType}.");
                ItemTypes.Visit(annotationType, new AnnotationReader(reader, annotations, kind, annotationType, $"annotation '{kind}' of '{name}'"));
            }
            builder.AddColumn(name, type, annotations.ToAnnotations());
        }
        return builder.ToSchema();
    }

    private static bool IsSavable(DataViewType type) => type switch
    {
        VectorDataViewType vector => DataViewTypeCodec.CanWrite(vector) && vector.ItemType is not KeyDataViewType,
        PrimitiveDataViewType primitive => DataViewTypeCodec.CanWrite(primitive) && primitive is not KeyDataViewType,
        _ => false,
    };

    private sealed class AnnotationWriter(ModelStreamWriter writer, DataViewSchema.Annotations annotations, DataViewSchema.Column annotation)
        : IRawTypeVisitor<bool>
    {
        public bool VisitScalar<T>()
        {
            T value = default!;
            annotations.GetGetter<T>(annotation)(ref value);
            PrimitiveValueCodec.Write<T>(writer, [value]);
            return true;
        }

        public bool VisitVector<TItem>()
        {
            VBuffer<TItem> buffer = default;
            annotations.GetGetter<VBuffer<TItem>>(annotation)(ref buffer);
            PrimitiveValueCodec.Write(writer, buffer.GetValues());
            return true;
        }
    }

    private sealed class AnnotationReader(ModelStreamReader reader, DataViewSchema.Annotations.Builder builder, string kind, DataViewType type, string what)
        : IRawTypeVisitor<bool>
    {
        public bool VisitScalar<T>()
        {
            var values = PrimitiveValueCodec.Read<T>(reader, what);
            if (values.Length != 1) throw reader.Invalid($"{what} holds {values.Length} values; a scalar annotation holds 1.");
            T value = values[0];
            builder.Add(kind, type, (ref T v) => v = value);
            return true;
        }

        public bool VisitVector<TItem>()
        {
            var values = PrimitiveValueCodec.Read<TItem>(reader, what);
            var vectorType = (VectorDataViewType)type;
            if (vectorType.IsKnownSize && values.Length != vectorType.Size)
                throw reader.Invalid($"{what} holds {values.Length} values; its type {type} says {vectorType.Size}.");
            builder.Add(kind, type, (ref VBuffer<TItem> v) => new VBuffer<TItem>(values).CopyTo(ref v));
            return true;
        }
    }
}
