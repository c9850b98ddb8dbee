// The table of loaders by signature: how a saved transformer type is found again. An explicit table (no reflection,
// no type names in files); code outside the library adds its own transformers with Register.
using System.Collections.Concurrent;
using Microsoft.ML.Cnn.Pipeline;
using Microsoft.ML.Cnn.Trainers;
using Microsoft.ML.Cnn.Transforms;
using Microsoft.ML.Cnn.Transforms.Augmentation;
using Microsoft.ML.Cnn.Transforms.Conversion;
using Microsoft.ML.Cnn.Transforms.Image;
using Microsoft.ML.Cnn.Transforms.Normalizers;

namespace Microsoft.ML.Cnn.Persistence.Pipeline;

/// <summary>Maps the signature a transformer saves under (<see cref="ModelSaveContext.SetLoader"/>) to the function that rebuilds it.</summary>
public static class TransformerLoaders
{
    private static readonly ConcurrentDictionary<string, Func<ModelLoadContext, ITransformer>> Loaders = new(
        new Dictionary<string, Func<ModelLoadContext, ITransformer>>(StringComparer.Ordinal)
        {
            [TransformerChainPersistence.LoaderSignature] = TransformerChainPersistence.Load,
            [ColumnCopyingTransformer.LoaderSignature] = ColumnCopyingTransformer.Load,
            [ColumnConcatenatingTransformer.LoaderSignature] = ColumnConcatenatingTransformer.Load,
            [ValueToKeyMappingTransformer.LoaderSignature] = ValueToKeyMappingTransformer.Load,
            [KeyToValueMappingTransformer.LoaderSignature] = KeyToValueMappingTransformer.Load,
            [ImageLoadingTransformer.LoaderSignature] = ImageLoadingTransformer.Load,
            [ImageResizingTransformer.LoaderSignature] = ImageResizingTransformer.Load,
            [ImageGrayscalingTransformer.LoaderSignature] = ImageGrayscalingTransformer.Load,
            [ImagePixelExtractingTransformer.LoaderSignature] = ImagePixelExtractingTransformer.Load,
            [ImageAugmentingTransformer.LoaderSignature] = ImageAugmentingTransformer.Load,
            [NormalizingTransformer.LoaderSignature] = NormalizingTransformer.Load,
            [ImageChannelNormalizingTransformer.LoaderSignature] = ImageChannelNormalizingTransformer.Load,
            [CnnMulticlassPredictionTransformer.LoaderSignature] = CnnMulticlassPredictionTransformer.Load,
            [CnnBinaryPredictionTransformer.LoaderSignature] = CnnBinaryPredictionTransformer.Load,
            [CnnRegressionPredictionTransformer.LoaderSignature] = CnnRegressionPredictionTransformer.Load,
        },
        StringComparer.Ordinal);

    /// <summary>
    /// Registers the loader of a transformer defined outside this library. Signatures are global: choose one that
    /// names your assembly, e.g. "Contoso.MyScaler". Registering a taken signature fails.
    /// </summary>
    public static void Register(string signature, Func<ModelLoadContext, ITransformer> loader)
    {
        ArgumentException.ThrowIfNullOrEmpty(signature);
        ArgumentNullException.ThrowIfNull(loader);
        if (!Loaders.TryAdd(signature, loader))
            throw new ArgumentException($"A loader is already registered for signature '{signature}'; choose a signature that names your assembly.", nameof(signature));
    }

    internal static bool IsRegistered(string signature) => Loaders.ContainsKey(signature);

    internal static Func<ModelLoadContext, ITransformer>? Find(string signature) => Loaders.GetValueOrDefault(signature);

    internal static string KnownSignatures => string.Join(", ", Loaders.Keys.Order(StringComparer.Ordinal));
}
