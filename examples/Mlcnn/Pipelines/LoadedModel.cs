// A model zip as mlcnn uses it: the fitted chain, its Cnn scorer, and whether it starts from image files (a
// LoadImages step reading a path column) or from pixel vectors (trained on IDX data).
using Microsoft.ML.Cnn.Data;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Transforms.Image;

namespace Microsoft.ML.Cnn.Mlcnn.Pipelines;

/// <summary>A loaded multiclass image model.</summary>
internal sealed class LoadedModel
{
    private LoadedModel(string path, ITransformer model, DataViewSchema? inputSchema, IReadOnlyList<ITransformer> steps,
        CnnMulticlassPredictionTransformer scorer, ImageLoadingTransformer? imageLoader)
    {
        Path = path;
        InputSchema = inputSchema;
        Model = model;
        Steps = steps;
        Scorer = scorer;
        ImageLoader = imageLoader;
    }

    public string Path { get; }

    /// <summary>The whole fitted pipeline.</summary>
    public ITransformer Model { get; }

    /// <summary>The schema of the rows the model was fitted on, as saved in the zip (null if it was saved without one).</summary>
    public DataViewSchema? InputSchema { get; }

    /// <summary>Its steps, nested chains opened, in order.</summary>
    public IReadOnlyList<ITransformer> Steps { get; }

    /// <summary>The Cnn scoring step (network, feature column, training history).</summary>
    public CnnMulticlassPredictionTransformer Scorer { get; }

    /// <summary>The LoadImages step when the pipeline reads image files; null for pixel-vector models.</summary>
    public ImageLoadingTransformer? ImageLoader { get; }

    /// <summary>Loads the zip at <paramref name="path"/>.</summary>
    /// <exception cref="UsageException">The file does not exist, or holds no multiclass Cnn model.</exception>
    /// <exception cref="InvalidDataException">The file is damaged or not a model zip of this library.</exception>
    public static LoadedModel Load(MLContext ml, string path)
    {
        if (!File.Exists(path)) throw new UsageException($"--model '{path}' does not exist (full path '{System.IO.Path.GetFullPath(path)}'); give a model zip written by 'mlcnn train'.");
        var model = ml.Model.Load(path, out var inputSchema);
        var steps = PipelineSteps.Flatten(model).ToList();
        var scorer = steps.OfType<CnnMulticlassPredictionTransformer>().FirstOrDefault()
            ?? throw new UsageException($"The model '{path}' has no multiclass Cnn step; mlcnn works with image classifiers such as those 'mlcnn train' writes.");
        var loader = steps.OfType<ImageLoadingTransformer>().FirstOrDefault();
        return new LoadedModel(path, model, inputSchema, steps, scorer, loader);
    }

    /// <summary>
    /// The model with its LoadImages step set to <paramref name="handling"/> (e.g. dropping rows whose image cannot be
    /// decoded); the model itself when it loads no images.
    /// </summary>
    public ITransformer WithInvalidImages(MLContext ml, InvalidImageHandling handling)
    {
        if (ImageLoader is not { } loader || loader.InvalidImages == handling) return Model;
        var replacement = new ImageLoadingTransformer(ml, loader.OutputColumnName, loader.ImageFolder, loader.InputColumnName, loader.Limits, handling);
        return new TransformerChain<ITransformer>([.. Steps.Select(step => step == loader ? replacement : step)]);
    }

    /// <summary>The per-sample shape the network takes, e.g. (3, 32, 32).</summary>
    public Graph.Shape InputShape => Scorer.Network.InputShape;

    /// <summary>Fails when <paramref name="source"/> is not the kind of data the model reads.</summary>
    /// <exception cref="UsageException">Image files for a pixel-vector model, or the reverse.</exception>
    public void CheckFits(DataSource source)
    {
        if (source.HasImagePaths && ImageLoader is null)
            throw new UsageException($"The model '{Path}' was trained on pixel vectors (IDX data, input {InputShape}); evaluate it on IDX data, not {source}.");
        if (!source.HasImagePaths && ImageLoader is not null)
            throw new UsageException($"The model '{Path}' reads image files (column '{ImageLoader.InputColumnName}'); evaluate it on a folder or CSV of images, not {source}.");
    }

    /// <summary>The class names, in class order (the score column's slot names).</summary>
    public IReadOnlyList<string> ClassNames(DataViewSchema scoredSchema)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        var score = scoredSchema[Scorer.ScoreColumnName];
        if (score.Annotations.Schema.GetColumnOrNull(AnnotationKinds.SlotNames) is null)
            return Enumerable.Range(0, Scorer.Network.OutputShape.ElementCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        score.Annotations.GetValue(AnnotationKinds.SlotNames, ref names);
        return names.DenseValues().Select(n => n.ToString()).ToList();
    }
}
