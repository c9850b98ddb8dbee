// How the im2col + GEMM convolution kernels cut a batch: one contiguous range of samples per worker slot, and
// each range into chunks of samples whose column matrices sit side by side in one GEMM (N = samples x OH*OW).
namespace Microsoft.ML.Cnn.Backends.Managed.Kernels;

internal readonly struct SampleChunks
{
    /// <summary>
    /// Target where output pixels are GEMM columns (forward, backward-data): B panels are 32 columns wide and each
    /// call streams the whole weight matrix, so a small plane (LeNet's 10x10 or 1x1) alone wastes most of a panel
    /// and pays per-call overhead.
    /// </summary>
    public const int ProductColumns = 256;

    /// <summary>
    /// Target where output pixels are the GEMM reduction (backward-weights): the product's size does not depend on
    /// it, so chunks only need to avoid tiny reductions (a 1x1 plane is a rank-1 update); longer ones measured slower.
    /// </summary>
    public const int ReductionColumns = 64;

    /// <summary>
    /// Chunks of at least <paramref name="targetColumns"/> columns (output pixels of all their samples), fewer only
    /// where a slot has too few samples.
    /// </summary>
    public SampleChunks(ConvolutionDimensions d, int targetColumns)
    {
        Slots = WorkSlots.For(d.Batch);
        int perSlot = (d.Batch + Slots - 1) / Slots;
        // NOTE: depends on the batch and WorkSlots.Max only, never on the pool, so results do not change with
        // the pool's thread count.
        SamplesPerChunk = d.IsDepthwise ? 1 : Math.Clamp((targetColumns + d.OutputPlane - 1) / d.OutputPlane, 1, Math.Max(1, perSlot));
        Columns = SamplesPerChunk * d.OutputPlane;
        Batch = d.Batch;
    }

    /// <summary>Worker slots, each owning a contiguous range of samples and a slice of the workspace.</summary>
    public int Slots { get; }

    /// <summary>Most samples in one chunk.</summary>
    public int SamplesPerChunk { get; }

    /// <summary>Most GEMM columns of one chunk: <see cref="SamplesPerChunk"/> x OH*OW.</summary>
    public int Columns { get; }

    private int Batch { get; }

    /// <summary>Samples [Start, End) that <paramref name="slot"/> owns.</summary>
    public (int Start, int End) SlotRange(int slot) => WorkSlots.Range(slot, Slots, Batch);
}
