// 64-byte-aligned float storage at a fixed address: SIMD kernels get aligned buffers, and native libraries
// (oneDNN memory objects) can point into the same managed arrays.
namespace Microsoft.ML.Cnn.Execution;

internal static class PinnedBuffers
{
    /// <summary>A pinned array with at least <paramref name="floats"/> elements from a 64-byte-aligned offset.</summary>
    public static unsafe (float[] Array, int Offset) Allocate(long floats)
    {
        var array = GC.AllocateArray<float>((int)floats + MemoryPlanner.Alignment, pinned: true);
        fixed (float* p = array)
        {
            long misalignment = (long)p % (MemoryPlanner.Alignment * sizeof(float));
            return (array, misalignment == 0 ? 0 : (int)((MemoryPlanner.Alignment * sizeof(float) - misalignment) / sizeof(float)));
        }
    }
}
