// Renders data views and schemas as text (every visible column, every annotation value, image pixels by checksum), so
// a save/load round trip can be checked as "same text before and after".
using System.Globalization;
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal static class ViewDump
{
    /// <summary>One line per row: "name=value" for every visible column.</summary>
    public static string[] Rows(IDataView view)
    {
        var columns = view.Schema.Where(c => !c.IsHidden).ToArray();
        using var cursor = view.GetRowCursor(columns);
        var readers = columns.Select(c => Reader(cursor, c)).ToArray();
        var rows = new List<string>();
        while (cursor.MoveNext()) rows.Add(string.Join(" | ", columns.Select((c, i) => $"{c.Name}={readers[i]()}")));
        return [.. rows];
    }

    /// <summary>Every visible column with its type and its annotations' types and values.</summary>
    public static string Schema(DataViewSchema schema) => string.Join("\n", schema.Where(c => !c.IsHidden).Select(c =>
        $"{c.Name}: {c.Type}" + string.Concat(c.Annotations.Schema.Select(a => $" [{a.Name}: {a.Type} = {Annotation(c.Annotations, a)}]"))));

    private static string Annotation(DataViewSchema.Annotations annotations, DataViewSchema.Column kind)
    {
        if (kind.Type is ImageDataViewType) return "(image)";
        if (kind.Type is VectorDataViewType || kind.Type is PrimitiveDataViewType) return ItemTypes.Visit(kind.Type, new AnnotationFormatter(annotations, kind));
        // Other annotation types (e.g. TrainingAugmentation): read through reflection, which tests may use, and print.
        var read = typeof(ViewDump).GetMethod(nameof(ReadAnnotation), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(kind.Type.RawType);
        return read.Invoke(null, [annotations, kind])?.ToString() ?? "null";
    }

    private static T ReadAnnotation<T>(DataViewSchema.Annotations annotations, DataViewSchema.Column kind)
    {
        T value = default!;
        annotations.GetGetter<T>(kind)(ref value);
        return value;
    }

    private static Func<string> Reader(DataViewRow row, DataViewSchema.Column column)
    {
        if (column.Type is ImageDataViewType)
        {
            var getter = row.GetGetter<MLImage>(column);
            MLImage image = null!;
            return () => { getter(ref image); return $"{image} crc {ZipCrc32.Compute(image.GetPixels()):x8}"; };
        }
        return ItemTypes.Visit(column.Type, new ValueFormatter(row, column));
    }

    private static string Format<T>(T value) => value switch
    {
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        ReadOnlyMemory<char> text => $"\"{text}\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    private sealed class ValueFormatter(DataViewRow row, DataViewSchema.Column column) : IRawTypeVisitor<Func<string>>
    {
        public Func<string> VisitScalar<T>()
        {
            var getter = row.GetGetter<T>(column);
            T value = default!;
            return () => { getter(ref value); return Format(value); };
        }

        public Func<string> VisitVector<TItem>()
        {
            var getter = row.GetGetter<VBuffer<TItem>>(column);
            VBuffer<TItem> value = default;
            return () => { getter(ref value); return $"[{string.Join(", ", value.DenseValues().Select(Format))}]"; };
        }
    }

    private sealed class AnnotationFormatter(DataViewSchema.Annotations annotations, DataViewSchema.Column kind) : IRawTypeVisitor<string>
    {
        public string VisitScalar<T>()
        {
            T value = default!;
            annotations.GetGetter<T>(kind)(ref value);
            return Format(value);
        }

        public string VisitVector<TItem>()
        {
            VBuffer<TItem> value = default;
            annotations.GetGetter<VBuffer<TItem>>(kind)(ref value);
            return $"[{string.Join(", ", value.DenseValues().Select(Format))}]";
        }
    }
}
