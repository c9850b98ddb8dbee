// GEMM on operands packed ahead of time: a convolution packs its weights once per run and writes im2col rows
// straight into packed panels, instead of packing both operands again for every sample.
namespace Microsoft.ML.Cnn.Backends.Managed;

internal static unsafe partial class Gemm
{
    // Layout of a whole packed operand: K blocks of BlockDepth(k) rows one after another; inside a block of
    // depth kc, the micro-panels of every row (A) or column (B) tile, each kc x tile, as the microkernel reads them.

    /// <summary>Floats of op(A) [m, k] packed for <paramref name="path"/>.</summary>
    public static int PackedALength(GemmPath path, int m, int k) => RoundUp(m, TileOf(path).Rows) * k;

    /// <summary>Floats of op(B) [k, n] packed for <paramref name="path"/>.</summary>
    public static int PackedBLength(GemmPath path, int k, int n) => RoundUp(n, TileOf(path).Columns) * k;

    /// <summary>Packs all of op(A) [m, k] (A stored [k, m] when transposed).</summary>
    public static void PackA(GemmPath path, bool transposeA, ReadOnlySpan<float> a, int lda, int m, int k, Span<float> packed)
    {
        int mr = TileOf(path).Rows, depth = BlockDepth(k), rows = RoundUp(m, mr);
        CheckPacked(packed.Length, PackedALength(path, m, k));
        fixed (float* pa = a, pp = packed)
            for (int p0 = 0; p0 < k; p0 += depth)
                GemmPacking.PackA(transposeA, pa, lda, 0, p0, m, Math.Min(depth, k - p0), mr, pp + (long)p0 * rows);
    }

    /// <summary>Packs all of op(B) [k, n] (B stored [n, k] when transposed).</summary>
    public static void PackB(GemmPath path, bool transposeB, ReadOnlySpan<float> b, int ldb, int k, int n, Span<float> packed)
    {
        int nr = TileOf(path).Columns, depth = BlockDepth(k), columns = RoundUp(n, nr);
        CheckPacked(packed.Length, PackedBLength(path, k, n));
        fixed (float* pb = b, pp = packed)
            for (int p0 = 0; p0 < k; p0 += depth)
                GemmPacking.PackB(transposeB, pb, ldb, p0, 0, Math.Min(depth, k - p0), n, nr, pp + (long)p0 * columns);
    }

    /// <summary>Writes row <paramref name="r"/> of op(B) [k, row.Length] into its packed place, zero-padding the last panel.</summary>
    public static void PackBRow(GemmPath path, ReadOnlySpan<float> row, int r, int k, Span<float> packed)
    {
        int nr = TileOf(path).Columns, depth = BlockDepth(k), n = row.Length;
        if ((uint)r >= (uint)k) throw new ArgumentOutOfRangeException(nameof(r), $"Row {r} is outside op(B)'s {k} rows.");
        CheckPacked(packed.Length, PackedBLength(path, k, n));
        int p0 = r / depth * depth, kc = Math.Min(depth, k - p0);
        // Pointers: im2col calls this once per column-matrix row, and the panel pieces are only nr floats long.
        fixed (float* source = row, pp = packed)
        {
            float* block = pp + (long)p0 * RoundUp(n, nr) + (r - p0) * nr;
            for (int j = 0; j < n; j += nr)
            {
                int count = Math.Min(nr, n - j);
                GemmPacking.CopyShort(source + j, block + (long)j * kc, count, nr - count);
            }
        }
    }

    /// <summary>Writes row <paramref name="r"/> of op(A) [m, row.Length] into its packed place (the last panel's padding must already be zero).</summary>
    public static void PackARow(GemmPath path, ReadOnlySpan<float> row, int r, int m, Span<float> packed)
    {
        int mr = TileOf(path).Rows, k = row.Length, depth = BlockDepth(k), rows = RoundUp(m, mr);
        for (int p0 = 0; p0 < k; p0 += depth)
        {
            int kc = Math.Min(depth, k - p0);
            var panel = packed.Slice(p0 * rows + r / mr * mr * kc + r % mr);
            var source = row.Slice(p0, kc);
            for (int p = 0; p < kc; p++) panel[p * mr] = source[p];
        }
    }

    /// <summary>
    /// Writes column <paramref name="c"/> of op(B) [column.Length, n] into its packed place (the last panel's padding
    /// must already be zero): a row of a matrix whose transpose is B packs without storing the matrix first.
    /// </summary>
    public static void PackBColumn(GemmPath path, ReadOnlySpan<float> column, int c, int n, Span<float> packed)
    {
        int nr = TileOf(path).Columns, k = column.Length, depth = BlockDepth(k), columns = RoundUp(n, nr);
        for (int p0 = 0; p0 < k; p0 += depth)
        {
            int kc = Math.Min(depth, k - p0);
            var panel = packed.Slice(p0 * columns + c / nr * nr * kc + c % nr);
            var source = column.Slice(p0, kc);
            for (int p = 0; p < kc; p++) panel[p * nr] = source[p];
        }
    }

    /// <summary>C[m, n] = alpha A B + beta C from operands packed by <see cref="PackA"/> (or the row and column packers) and <see cref="PackB"/>.</summary>
    public static void MultiplyPacked(GemmPath path, int m, int n, int k, float alpha, ReadOnlySpan<float> packedA,
        ReadOnlySpan<float> packedB, float beta, Span<float> c, int ldc) =>
        MultiplyPackedRows(path, m, n, k, 0, m, alpha, packedA, packedB, beta, c, ldc);

    /// <summary>
    /// Rows [<paramref name="rowStart"/>, <paramref name="rowEnd"/>) of <see cref="MultiplyPacked"/>, so workers can
    /// share one product; rowStart must be a multiple of the path's tile rows. Other rows of C are not touched.
    /// </summary>
    public static void MultiplyPackedRows(GemmPath path, int m, int n, int k, int rowStart, int rowEnd, float alpha,
        ReadOnlySpan<float> packedA, ReadOnlySpan<float> packedB, float beta, Span<float> c, int ldc)
    {
        if (m <= 0 || n <= 0 || rowEnd <= rowStart) return;
        var (mr, nr) = TileOf(path);
        if (rowStart < 0 || rowEnd > m || rowStart % mr != 0)
            throw new ArgumentOutOfRangeException(nameof(rowStart), $"Rows [{rowStart}, {rowEnd}) must lie in [0, {m}) and start on a multiple of {mr}.");
        CheckPacked(packedA.Length, PackedALength(path, m, k));
        CheckPacked(packedB.Length, PackedBLength(path, k, n));
        if (ldc < n || c.Length < (long)(m - 1) * ldc + n)
            throw new ArgumentException($"GEMM output C ({m}x{n}, leading dimension {ldc}) does not fit in {c.Length} floats.", nameof(c));
        int depth = BlockDepth(k), rows = RoundUp(m, mr), columns = RoundUp(n, nr);
        fixed (float* pa = packedA, pb = packedB, pc = c)
        {
            ScaleC(pc + (long)rowStart * ldc, ldc, rowEnd - rowStart, n, beta);
            if (k == 0 || alpha == 0) return;
            for (int p0 = 0; p0 < k; p0 += depth)
            {
                int kc = Math.Min(depth, k - p0);
                for (int jc = 0; jc < n; jc += BlockN)
                    for (int ic = rowStart; ic < rowEnd; ic += BlockM)
                        MacroKernel(path, Math.Min(BlockM, rowEnd - ic), Math.Min(BlockN, n - jc), kc, alpha,
                            pa + (long)p0 * rows + (long)ic * kc, pb + (long)p0 * columns + (long)jc * kc, pc + (long)ic * ldc + jc, ldc, mr, nr);
            }
        }
    }

    private static void CheckPacked(int length, int needed)
    {
        if (length < needed) throw new ArgumentException($"A packed GEMM operand needs {needed} floats; the span holds {length}.");
    }
}
