// The transformer of RandomHorizontalFlip, RandomCrop and RandomTranslation: values pass through unchanged (scoring
// never augments); the column gains the TrainingAugmentation annotation, merged with one an earlier step set, which
// the Cnn trainers read to augment their training batches.
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Training;
using Microsoft.ML.Cnn.Persistence.Pipeline;

namespace Microsoft.ML.Cnn.Transforms.Augmentation;

/// <summary>Marks a [C, H, W] image feature column for training-time augmentation; the identity on its values.</summary>
public sealed class ImageAugmentingTransformer : RowToRowTransformerBase
{
    /// <summary>The types accepted, for error messages.</summary>
    internal const string ExpectedInput = "a known-size vector of Single with dimensions (C, H, W), as ExtractPixels makes with interleavePixelColors = false";

    /// <summary>Adds <paramref name="augmentation"/> to the augmentation of <paramref name="columnName"/>.</summary>
    public ImageAugmentingTransformer(string columnName, ImageAugmentation augmentation)
    {
        ArgumentException.ThrowIfNullOrEmpty(columnName);
        ColumnName = columnName;
        Augmentation = augmentation ?? throw new ArgumentNullException(nameof(augmentation));
    }

    /// <summary>The image feature column marked (in place).</summary>
    public string ColumnName { get; }

    /// <summary>This step's augmentation (before merging with one already on the column).</summary>
    public ImageAugmentation Augmentation { get; }

    /// <summary>The augmentation the column carries after this step, given its current annotations; validates it.</summary>
    internal ImageAugmentation Combined(DataViewSchema.Column input)
    {
        if (input.Type is not VectorDataViewType { ItemType: var item, Dimensions.Count: 3, IsKnownSize: true } vector || item != NumberDataViewType.Single)
            throw SchemaErrors.Mismatch(input.Name, ExpectedInput, input.Type.ToString()!);
        var earlier = Earlier(input.Annotations);
        var shape = new Shape([.. vector.Dimensions]);
        try
        {
            var combined = earlier == null ? Augmentation : earlier.Then(Augmentation);
            combined.Validate(shape);
            return combined;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new ArgumentOutOfRangeException("inputSchema", $"Cannot add {Augmentation.Describe()} to column '{input.Name}' {shape}: {e.Message}");
        }
    }

    internal const string LoaderSignature = "ImageAugmenting";

    /// <inheritdoc/>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetLoader(LoaderSignature, 1);
        var writer = context.Writer;
        writer.WriteString(ColumnName);
        writer.WriteBool(Augmentation.HorizontalFlip);
        writer.WriteInt32(Augmentation.MaxTranslation);
        writer.WriteSingle(Augmentation.TranslationHeightFactor);
        writer.WriteSingle(Augmentation.TranslationWidthFactor);
        writer.WriteEnum(Augmentation.FillMode);
    }

    internal static ImageAugmentingTransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(1);
        var reader = context.Reader;
        string column = reader.ReadString("column");
        bool flip = reader.ReadBool("horizontal flip flag");
        int maxTranslation = reader.ReadInt32(0, int.MaxValue, "max translation");
        float heightFactor = reader.ReadFiniteSingle("translation height factor"), widthFactor = reader.ReadFiniteSingle("translation width factor");
        if (heightFactor is < 0 or >= 1 || widthFactor is < 0 or >= 1) throw reader.Invalid($"translation factors ({heightFactor}, {widthFactor}) are outside [0, 1).");
        var fill = reader.ReadEnum<ImagePaddingMode>("fill mode");
        return new ImageAugmentingTransformer(column, new ImageAugmentation(flip, maxTranslation)
        {
            TranslationHeightFactor = heightFactor,
            TranslationWidthFactor = widthFactor,
            FillMode = fill,
        });
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<MappedColumn> MapColumns(DataViewSchema inputSchema)
    {
        var input = FindInput(inputSchema, ColumnName);
        var combined = Combined(input);
        var builder = new DataViewSchema.Annotations.Builder();
        foreach (var annotation in input.Annotations.Schema)
            if (annotation.Name != AnnotationKinds.TrainingAugmentation) builder.Add(input.Annotations, annotation.Name);
        builder.Add(AnnotationKinds.TrainingAugmentation, ImageAugmentationDataViewType.Instance, (ref ImageAugmentation value) => value = combined);
        return [MappedColumn.Create(ColumnName, input.Type, builder.ToAnnotations(), [input], row => row.GetGetter<VBuffer<float>>(input))];
    }

    /// <summary>The augmentation an earlier step put on the column, or null.</summary>
    private static ImageAugmentation? Earlier(DataViewSchema.Annotations annotations)
    {
        var column = annotations.Schema.GetColumnOrNull(AnnotationKinds.TrainingAugmentation);
        if (column == null) return null;
        ImageAugmentation value = null!;
        annotations.GetGetter<ImageAugmentation>(column.Value)(ref value);
        return value;
    }
}
