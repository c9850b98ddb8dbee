// Register-tiled microkernels: C[tile] += alpha * (packed A micro-panel) x (packed B micro-panel), one per
// SIMD width. The accumulators stay in registers for the whole k loop; edges spill through a stack tile.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.Cnn.Backends.Managed;

[SkipLocalsInit]
internal static unsafe class GemmMicrokernels
{
    /// <summary>8 rows x 32 columns: 16 zmm accumulators, 2 loads of B and 8 broadcasts of A per k.</summary>
    public static void Tile8x32(int kc, float* a, float* b, float* c, int ldc, float alpha, int rows, int cols)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var x = Vector512.Create(a[0]); c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]); c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]); c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]); c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]); c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]); c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a[6]); c60 = Vector512.FusedMultiplyAdd(x, b0, c60); c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a[7]); c70 = Vector512.FusedMultiplyAdd(x, b0, c70); c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
            a += 8;
            b += 32;
        }
        var s = Vector512.Create(alpha);
        if (rows == 8 && cols == 32)
        {
            Update(c, s, c00, c01); Update(c + ldc, s, c10, c11); Update(c + 2 * ldc, s, c20, c21); Update(c + 3 * ldc, s, c30, c31);
            Update(c + 4 * ldc, s, c40, c41); Update(c + 5 * ldc, s, c50, c51); Update(c + 6 * ldc, s, c60, c61); Update(c + 7 * ldc, s, c70, c71);
            return;
        }
        float* t = stackalloc float[8 * 32];
        Vector512.Store(c00, t); Vector512.Store(c01, t + 16); Vector512.Store(c10, t + 32); Vector512.Store(c11, t + 48);
        Vector512.Store(c20, t + 64); Vector512.Store(c21, t + 80); Vector512.Store(c30, t + 96); Vector512.Store(c31, t + 112);
        Vector512.Store(c40, t + 128); Vector512.Store(c41, t + 144); Vector512.Store(c50, t + 160); Vector512.Store(c51, t + 176);
        Vector512.Store(c60, t + 192); Vector512.Store(c61, t + 208); Vector512.Store(c70, t + 224); Vector512.Store(c71, t + 240);
        AddPartial(t, 32, c, ldc, alpha, rows, cols);
    }

    /// <summary>6 rows x 16 columns: 12 ymm accumulators, 2 loads of B and 6 broadcasts of A per k.</summary>
    public static void Tile6x16(int kc, float* a, float* b, float* c, int ldc, float alpha, int rows, int cols)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var x = Vector256.Create(a[0]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]); c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]); c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
            a += 6;
            b += 16;
        }
        var s = Vector256.Create(alpha);
        if (rows == 6 && cols == 16)
        {
            Update(c, s, c00, c01); Update(c + ldc, s, c10, c11); Update(c + 2 * ldc, s, c20, c21);
            Update(c + 3 * ldc, s, c30, c31); Update(c + 4 * ldc, s, c40, c41); Update(c + 5 * ldc, s, c50, c51);
            return;
        }
        float* t = stackalloc float[6 * 16];
        Vector256.Store(c00, t); Vector256.Store(c01, t + 8); Vector256.Store(c10, t + 16); Vector256.Store(c11, t + 24);
        Vector256.Store(c20, t + 32); Vector256.Store(c21, t + 40); Vector256.Store(c30, t + 48); Vector256.Store(c31, t + 56);
        Vector256.Store(c40, t + 64); Vector256.Store(c41, t + 72); Vector256.Store(c50, t + 80); Vector256.Store(c51, t + 88);
        AddPartial(t, 16, c, ldc, alpha, rows, cols);
    }

    /// <summary>4 x 4 in scalar registers: the portable path, and the reference the SIMD paths are tested against.</summary>
    public static void Tile4x4(int kc, float* a, float* b, float* c, int ldc, float alpha, int rows, int cols)
    {
        float* t = stackalloc float[16];
        new Span<float>(t, 16).Clear();
        for (int p = 0; p < kc; p++)
        {
            for (int i = 0; i < 4; i++)
            {
                float x = a[i];
                t[i * 4] += x * b[0];
                t[i * 4 + 1] += x * b[1];
                t[i * 4 + 2] += x * b[2];
                t[i * 4 + 3] += x * b[3];
            }
            a += 4;
            b += 4;
        }
        AddPartial(t, 4, c, ldc, alpha, rows, cols);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(float* row, Vector512<float> alpha, Vector512<float> left, Vector512<float> right)
    {
        Vector512.Store(Vector512.FusedMultiplyAdd(alpha, left, Vector512.Load(row)), row);
        Vector512.Store(Vector512.FusedMultiplyAdd(alpha, right, Vector512.Load(row + 16)), row + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(float* row, Vector256<float> alpha, Vector256<float> left, Vector256<float> right)
    {
        Vector256.Store(Vector256.FusedMultiplyAdd(alpha, left, Vector256.Load(row)), row);
        Vector256.Store(Vector256.FusedMultiplyAdd(alpha, right, Vector256.Load(row + 8)), row + 8);
    }

    private static void AddPartial(float* tile, int tileColumns, float* c, int ldc, float alpha, int rows, int cols)
    {
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) c[(long)i * ldc + j] += alpha * tile[i * tileColumns + j];
    }
}
