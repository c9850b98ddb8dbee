// How a TransformerChain is saved: its length, then each step as a sub-model "Step0", "Step1", ...
using Microsoft.ML.Cnn.Pipeline;

namespace Microsoft.ML.Cnn.Persistence.Pipeline;

internal static class TransformerChainPersistence
{
    public const string LoaderSignature = "TransformerChain";
    private const int Version = 1;
    private const int MaxSteps = 10_000;

    public static void Save(ModelSaveContext context, IReadOnlyList<ITransformer> steps)
    {
        context.SetLoader(LoaderSignature, Version);
        context.Writer.WriteInt32(steps.Count);
        for (int i = 0; i < steps.Count; i++) context.SaveSubModel($"Step{i}", steps[i]);
    }

    /// <summary>A chain typed by its last step's interface (the concrete last type is not known statically).</summary>
    public static ITransformer Load(ModelLoadContext context)
    {
        context.CheckVersion(Version);
        int count = context.Reader.ReadInt32(0, MaxSteps, "number of chain steps");
        var steps = new ITransformer[count];
        for (int i = 0; i < count; i++) steps[i] = context.LoadSubModel($"Step{i}");
        return new TransformerChain<ITransformer>(steps);
    }
}
