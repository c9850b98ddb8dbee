// Finds the most confident mistakes in scored rows (wrong predictions with the highest predicted probability) in one
// streaming pass, keeping only the current top K and taking a thumbnail only for rows that enter it.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Images;

namespace Microsoft.ML.Cnn.Mlcnn.Reports;

/// <summary>A wrong prediction.</summary>
/// <param name="ImagePath">The image file, when the rows name one.</param>
/// <param name="TrueClass">The label's class name.</param>
/// <param name="PredictedClass">The predicted class name.</param>
/// <param name="Probability">The predicted class's probability.</param>
/// <param name="Picture">What the network saw, when it can be drawn.</param>
internal sealed record Mistake(string? ImagePath, string TrueClass, string PredictedClass, float Probability, Thumbnail? Picture);

/// <summary>Collects the most confident mistakes of a multiclass model's output.</summary>
internal static class MistakeCollector
{
    /// <summary>
    /// The <paramref name="count"/> wrong rows with the highest predicted probability, most confident first. Columns:
    /// Label and PredictedLabel (keys), Score (probabilities), optional ImagePath; the picture comes from
    /// <paramref name="imageColumn"/> (an image column) or else <paramref name="featureColumn"/> (a (C, H, W) vector).
    /// </summary>
    public static List<Mistake> Collect(IDataView scored, IReadOnlyList<string> classNames, int count, string imageColumn, string featureColumn)
    {
        var schema = scored.Schema;
        var label = schema["Label"];
        var score = schema["Score"];
        var predicted = schema["PredictedLabel"];
        var path = schema.GetColumnOrNull("ImagePath") is { Type: TextDataViewType } p ? p : (DataViewSchema.Column?)null;
        var image = schema.GetColumnOrNull(imageColumn) is { Type: ImageDataViewType { Height: > 0 } } i ? i : (DataViewSchema.Column?)null;
        var features = image is null && schema.GetColumnOrNull(featureColumn) is { Type: VectorDataViewType { Dimensions.Count: 3 } } f ? f : (DataViewSchema.Column?)null;
        var needed = new List<DataViewSchema.Column> { label, score, predicted };
        foreach (var optional in new[] { path, image, features }) if (optional is { } column) needed.Add(column);

        var best = new PriorityQueue<Mistake, float>(); // a min-heap on probability: the root is the one to drop
        using var cursor = scored.GetRowCursor(needed);
        var getLabel = cursor.GetGetter<uint>(label);
        var getScore = cursor.GetGetter<VBuffer<float>>(score);
        var getPredicted = cursor.GetGetter<uint>(predicted);
        uint actual = 0, guess = 0;
        VBuffer<float> probabilities = default;
        while (cursor.MoveNext())
        {
            getLabel(ref actual);
            getPredicted(ref guess);
            if (actual == 0 || guess == 0 || actual == guess || actual > classNames.Count || guess > classNames.Count) continue;
            getScore(ref probabilities);
            float probability = probabilities.GetItemOrDefault((int)guess - 1);
            if (best.Count == count && (count == 0 || probability <= best.Peek().Probability)) continue;
            var mistake = new Mistake(ReadPath(cursor, path), classNames[(int)actual - 1], classNames[(int)guess - 1], probability,
                ReadPicture(cursor, image, features));
            if (best.Count == count) best.Dequeue();
            best.Enqueue(mistake, probability);
        }
        var list = new List<Mistake>(best.Count);
        while (best.Count > 0) list.Add(best.Dequeue());
        list.Reverse();
        return list;
    }

    private static string? ReadPath(DataViewRowCursor cursor, DataViewSchema.Column? column)
    {
        if (column is not { } c) return null;
        ReadOnlyMemory<char> text = default;
        cursor.GetGetter<ReadOnlyMemory<char>>(c)(ref text);
        return text.ToString();
    }

    private static Thumbnail? ReadPicture(DataViewRowCursor cursor, DataViewSchema.Column? image, DataViewSchema.Column? features)
    {
        if (image is { } i)
        {
            MLImage value = null!;
            cursor.GetGetter<MLImage>(i)(ref value);
            return Thumbnail.FromImage(value);
        }
        if (features is not { } f) return null;
        var dims = ((VectorDataViewType)f.Type).Dimensions;
        VBuffer<float> values = default;
        cursor.GetGetter<VBuffer<float>>(f)(ref values);
        return Thumbnail.FromFeatures(values.GetValues(), dims[0], dims[1], dims[2]);
    }
}
