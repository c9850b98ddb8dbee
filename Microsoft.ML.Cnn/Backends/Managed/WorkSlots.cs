// Static partitioning of a batch into per-worker slots, each owning a fixed slice of the kernel workspace.
// The partition depends only on the sizes, never on timing, so per-slot partial sums reduce deterministically.
namespace Microsoft.ML.Cnn.Backends.Managed;

internal static class WorkSlots
{
    /// <summary>
    /// Most slots a kernel sizes its workspace for. Kernels are created before they meet a pool, so they size
    /// for the machine (the pool's default width); a wider pool still uses at most this many workers per kernel.
    /// </summary>
    public static int Max { get; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Slots worth using for <paramref name="items"/> independent items.</summary>
    public static int For(int items) => Math.Max(1, Math.Min(Max, items));

    /// <summary>Items [Start, End) of <paramref name="count"/> that slot <paramref name="slot"/> of <paramref name="slots"/> owns.</summary>
    public static (int Start, int End) Range(int slot, int slots, int count) =>
        ((int)((long)slot * count / slots), (int)((long)(slot + 1) * count / slots));
}
