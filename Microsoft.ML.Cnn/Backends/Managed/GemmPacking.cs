// Copies blocks of op(A) and op(B) into the contiguous, zero-padded micro-panels the GEMM microkernels stream.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.Cnn.Backends.Managed;

internal static unsafe class GemmPacking
{
    /// <summary>
    /// Copies <paramref name="count"/> floats, then zeroes <paramref name="zeros"/> more after them. For the 5 to 32
    /// float pieces of im2col rows and packed panels, where a Span copy's call and checks cost more than the copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyShort(float* source, float* destination, int count, int zeros = 0)
    {
        int k = 0;
        for (; k + 8 <= count; k += 8) Vector256.Store(Vector256.Load(source + k), destination + k);
        for (; k < count; k++) destination[k] = source[k];
        for (int end = count + zeros; k < end; k++) destination[k] = 0;
    }

    /// <summary>
    /// Packs op(A)[row0 .. row0+mc, col0 .. col0+kc] as panels of <paramref name="mr"/> rows: panel-major, then
    /// k, then the mr rows. Rows past mc are zero so edge tiles need no special case in the inner loop.
    /// </summary>
    public static void PackA(bool transposed, float* a, int lda, int row0, int col0, int mc, int kc, int mr, float* packed)
    {
        for (int panel = 0; panel < mc; panel += mr)
        {
            int rows = Math.Min(mr, mc - panel);
            float* destination = packed + (long)panel * kc;
            if (transposed)
            {
                // op(A)[i, p] = A[p, i]: the panel's rows are contiguous in memory for each p.
                for (int p = 0; p < kc; p++)
                {
                    float* source = a + (long)(col0 + p) * lda + row0 + panel;
                    float* d = destination + (long)p * mr;
                    int i = 0;
                    for (; i < rows; i++) d[i] = source[i];
                    for (; i < mr; i++) d[i] = 0;
                }
            }
            else
            {
                for (int i = 0; i < rows; i++)
                {
                    float* source = a + (long)(row0 + panel + i) * lda + col0;
                    float* d = destination + i;
                    for (int p = 0; p < kc; p++) d[(long)p * mr] = source[p];
                }
                for (int i = rows; i < mr; i++)
                    for (int p = 0; p < kc; p++) destination[(long)p * mr + i] = 0;
            }
        }
    }

    /// <summary>
    /// Packs op(B)[row0 .. row0+kc, col0 .. col0+nc] as panels of <paramref name="nr"/> columns: panel-major, then
    /// k, then the nr columns; columns past nc are zero.
    /// </summary>
    public static void PackB(bool transposed, float* b, int ldb, int row0, int col0, int kc, int nc, int nr, float* packed)
    {
        for (int panel = 0; panel < nc; panel += nr)
        {
            int cols = Math.Min(nr, nc - panel);
            float* destination = packed + (long)panel * kc;
            if (transposed)
            {
                // op(B)[p, j] = B[j, p]: walk each stored row of B once.
                for (int j = 0; j < cols; j++)
                {
                    float* source = b + (long)(col0 + panel + j) * ldb + row0;
                    float* d = destination + j;
                    for (int p = 0; p < kc; p++) d[(long)p * nr] = source[p];
                }
                for (int j = cols; j < nr; j++)
                    for (int p = 0; p < kc; p++) destination[(long)p * nr + j] = 0;
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    float* source = b + (long)(row0 + p) * ldb + col0 + panel;
                    var d = new Span<float>(destination + (long)p * nr, nr);
                    new ReadOnlySpan<float>(source, cols).CopyTo(d);
                    if (cols < nr) d[cols..].Clear();
                }
            }
        }
    }
}
