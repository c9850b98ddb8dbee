// Single-precision GEMM, C = alpha op(A) op(B) + beta C, row-major: the managed backend's convolution and
// dense kernels all reduce to it. Blocked and packed (BLIS loop order) around a register-tiled microkernel.
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Cnn.Backends.Managed;

/// <summary>Which microkernel a GEMM runs; selectable so tests can cover every path on any machine.</summary>
internal enum GemmPath
{
    /// <summary>Plain scalar code, correct on any hardware.</summary>
    Scalar,
    /// <summary>6x16 tile of 256-bit FMAs (AVX2 + FMA).</summary>
    Vector256,
    /// <summary>8x32 tile of 512-bit FMAs (AVX-512).</summary>
    Vector512,
}

internal static unsafe partial class Gemm
{
    // Block sizes: an MC x KC block of A stays in L2, one MR x KC micro-panel of A in L1 while it sweeps
    // the KC x NC block of B. MC is a multiple of every MR (8, 6, 4), NC of every NR (32, 16, 4).
    internal const int BlockM = 96;
    internal const int BlockK = 256;
    internal const int BlockN = 512;
    private const int AnyTileRows = 24;
    private const int AnyTileColumns = 32;

    /// <summary>The fastest path this processor runs natively.</summary>
    public static GemmPath BestPath { get; } =
        Vector512.IsHardwareAccelerated ? GemmPath.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? GemmPath.Vector256
        : GemmPath.Scalar;

    /// <summary>Scratch floats a multiply needs for these sizes, on any path.</summary>
    public static int ScratchLength(int m, int n, int k)
    {
        int kc = Math.Min(Math.Max(k, 1), BlockK);
        return (RoundUp(Math.Min(m, BlockM), AnyTileRows) + RoundUp(Math.Min(n, BlockN), AnyTileColumns)) * kc;
    }

    /// <summary>C[m, n] = alpha op(A) op(B) + beta C on the best path; op(A) is [m, k], op(B) is [k, n].</summary>
    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc, Span<float> scratch) =>
        Multiply(BestPath, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, scratch);

    /// <summary>
    /// C[m, n] = alpha op(A) op(B) + beta C with row-major operands and leading dimensions lda, ldb, ldc.
    /// A is stored [k, m] when transposed, B [n, k]. With beta = 0, C is overwritten (NaNs in it do not survive).
    /// </summary>
    public static void Multiply(GemmPath path, bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc, Span<float> scratch)
    {
        if (m < 0 || n < 0 || k < 0) throw new ArgumentOutOfRangeException(nameof(m), $"GEMM sizes must be non-negative, got m={m}, n={n}, k={k}.");
        if (m == 0 || n == 0) return;
        CheckOperand("C", c.Length, m, n, ldc);
        CheckOperand("A", a.Length, transposeA ? k : m, transposeA ? m : k, lda);
        CheckOperand("B", b.Length, transposeB ? n : k, transposeB ? k : n, ldb);
        if (scratch.Length < ScratchLength(m, n, k))
            throw new ArgumentException($"GEMM scratch holds {scratch.Length} floats; {m}x{n}x{k} needs Gemm.ScratchLength = {ScratchLength(m, n, k)}.", nameof(scratch));

        fixed (float* pa = a, pb = b, pc = c, ps = scratch)
        {
            ScaleC(pc, ldc, m, n, beta);
            if (k == 0 || alpha == 0) return;
            var (mr, nr) = TileOf(path);
            int kcStep = BlockDepth(k);
            float* packedA = ps;
            float* packedB = ps + RoundUp(Math.Min(m, BlockM), AnyTileRows) * kcStep;
            for (int jc = 0; jc < n; jc += BlockN)
            {
                int nc = Math.Min(BlockN, n - jc);
                for (int pc0 = 0; pc0 < k; pc0 += kcStep)
                {
                    int kc = Math.Min(kcStep, k - pc0);
                    GemmPacking.PackB(transposeB, pb, ldb, pc0, jc, kc, nc, nr, packedB);
                    for (int ic = 0; ic < m; ic += BlockM)
                    {
                        int mc = Math.Min(BlockM, m - ic);
                        GemmPacking.PackA(transposeA, pa, lda, ic, pc0, mc, kc, mr, packedA);
                        MacroKernel(path, mc, nc, kc, alpha, packedA, packedB, pc + (long)ic * ldc + jc, ldc, mr, nr);
                    }
                }
            }
        }
    }

    /// <summary>Depth of each K block for a reduction of length k: at most BlockK, balanced so no sliver is left over.</summary>
    public static int BlockDepth(int k)
    {
        int blocks = Math.Max(1, (k + BlockK - 1) / BlockK);
        return Math.Max(1, (k + blocks - 1) / blocks);
    }

    internal static (int Rows, int Columns) TileOf(GemmPath path) => path switch
    {
        GemmPath.Vector512 => (8, 32),
        GemmPath.Vector256 => (6, 16),
        _ => (4, 4),
    };

    private static void MacroKernel(GemmPath path, int mc, int nc, int kc, float alpha, float* packedA, float* packedB,
        float* c, int ldc, int mr, int nr)
    {
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            float* aPanel = packedA + (long)ir * kc;
            for (int jr = 0; jr < nc; jr += nr)
            {
                int cols = Math.Min(nr, nc - jr);
                float* bPanel = packedB + (long)jr * kc;
                float* cTile = c + (long)ir * ldc + jr;
                switch (path)
                {
                    case GemmPath.Vector512: GemmMicrokernels.Tile8x32(kc, aPanel, bPanel, cTile, ldc, alpha, rows, cols); break;
                    case GemmPath.Vector256: GemmMicrokernels.Tile6x16(kc, aPanel, bPanel, cTile, ldc, alpha, rows, cols); break;
                    default: GemmMicrokernels.Tile4x4(kc, aPanel, bPanel, cTile, ldc, alpha, rows, cols); break;
                }
            }
        }
    }

    private static void ScaleC(float* c, int ldc, int m, int n, float beta)
    {
        if (beta == 1) return;
        for (int i = 0; i < m; i++)
        {
            var row = new Span<float>(c + (long)i * ldc, n);
            if (beta == 0) row.Clear();
            else System.Numerics.Tensors.TensorPrimitives.Multiply(row, beta, row);
        }
    }

    private static void CheckOperand(string name, int length, int rows, int columns, int leading)
    {
        if (columns > 0 && leading < columns)
            throw new ArgumentException($"GEMM operand {name} is stored {rows}x{columns} row-major, so its leading dimension must be at least {columns}, got {leading}.");
        if (rows > 0 && columns > 0 && length < (long)(rows - 1) * leading + columns)
            throw new ArgumentException($"GEMM operand {name} ({rows}x{columns}, leading dimension {leading}) needs {(long)(rows - 1) * leading + columns} floats; the span holds {length}.");
    }

    internal static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
