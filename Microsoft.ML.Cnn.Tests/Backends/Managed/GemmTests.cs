// Checks every GEMM path against a naive triple loop over odd sizes, transposes, leading dimensions and scalars.
using System.Diagnostics;
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Numerics;
using Microsoft.ML.Cnn.Tests.Backends.Managed.Kernels;

namespace Microsoft.ML.Cnn.Tests.Backends.Managed;

[TestClass]
public sealed class GemmTests
{
    private static readonly (int M, int N, int K)[] Sizes =
    [
        (1, 1, 1), (1, 7, 3), (5, 1, 9), (7, 33, 17), (8, 32, 16), (9, 31, 1), (13, 17, 300), (33, 65, 31),
        (6, 16, 5), (97, 45, 257), (100, 515, 40), (24, 1, 513),
    ];

    public static IEnumerable<object[]> Cases()
    {
        foreach (var path in new[] { GemmPath.Scalar, GemmPath.Vector256, GemmPath.Vector512 })
            for (int t = 0; t < 4; t++)
                yield return [(int)path, (t & 1) != 0, (t & 2) != 0];
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Multiply_OddSizesAndTransposes_MatchesNaiveLoop(int pathIndex, bool transposeA, bool transposeB)
    {
        var path = (GemmPath)pathIndex;
        var random = new SeededRandom(7);
        foreach (var (m, n, k) in Sizes)
        {
            // Leading dimensions larger than the rows they hold, to catch stride mix-ups.
            int lda = (transposeA ? m : k) + 3, ldb = (transposeB ? k : n) + 2, ldc = n + 5;
            var a = Random(random, (transposeA ? k : m) * lda);
            var b = Random(random, (transposeB ? n : k) * ldb);
            var c = Random(random, m * ldc);
            var expected = (float[])c.Clone();
            Naive(transposeA, transposeB, m, n, k, 0.75f, a, lda, b, ldb, -0.5f, expected, ldc);
            Gemm.Multiply(path, transposeA, transposeB, m, n, k, 0.75f, a, lda, b, ldb, -0.5f, c, ldc, new float[Gemm.ScratchLength(m, n, k)]);
            AssertClose(expected, c, k, $"{path} {m}x{n}x{k} tA={transposeA} tB={transposeB}");
        }
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    [DataRow(2)]
    public void MultiplyPacked_PackedOperandsAndRows_MatchNaiveLoop(int pathIndex)
    {
        var path = (GemmPath)pathIndex;
        var random = new SeededRandom(9);
        foreach (var (m, n, k) in new[] { (7, 33, 17), (64, 121, 288), (13, 5, 600), (100, 40, 3) })
        {
            var a = Random(random, m * k);
            var b = Random(random, n * k);
            var c = Random(random, m * n);
            var expected = (float[])c.Clone();
            Naive(true, true, m, n, k, 1.5f, a, m, b, k, 1f, expected, n);
            // A by rows too (row i of op(A) is column i of the stored [k, m] matrix), onto zeroed padding.
            var packedA = new float[Gemm.PackedALength(path, m, k)];
            var aRow = new float[k];
            for (int i = 0; i < m; i++)
            {
                for (int p = 0; p < k; p++) aRow[p] = a[p * m + i];
                Gemm.PackARow(path, aRow, i, m, packedA);
            }
            // B by rows, as im2col produces it: row r of op(B) is column r of the stored [n, k] matrix.
            var packedB = new float[Gemm.PackedBLength(path, k, n)];
            var row = new float[n];
            for (int r = 0; r < k; r++)
            {
                for (int j = 0; j < n; j++) row[j] = b[j * k + r];
                Gemm.PackBRow(path, row, r, k, packedB);
            }
            Gemm.MultiplyPacked(path, m, n, k, 1.5f, packedA, packedB, 1f, c, n);
            AssertClose(expected, c, k, $"{path} rows {m}x{n}x{k}");

            Gemm.PackA(path, true, a, m, m, k, packedA);
            Gemm.PackB(path, true, b, k, k, n, packedB);
            Gemm.MultiplyPacked(path, m, n, k, 1.5f, packedA, packedB, 0f, c, n);
            var product = new float[m * n];
            Naive(true, true, m, n, k, 1.5f, a, m, b, k, 0f, product, n);
            AssertClose(product, c, k, $"{path} packed {m}x{n}x{k}");
        }
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    [DataRow(2)]
    public void MultiplyPackedRows_BColumnsAndRowRanges_MatchWholeProduct(int pathIndex)
    {
        var path = (GemmPath)pathIndex;
        int mr = Gemm.TileOf(path).Rows;
        var random = new SeededRandom(10);
        foreach (var (m, n, k) in new[] { (30, 25, 300), (16, 150, 7) })
        {
            var a = Random(random, m * k); // op(A) stored [m, k]
            var b = Random(random, n * k); // op(B) = stored [n, k] transposed
            var packedA = new float[Gemm.PackedALength(path, m, k)];
            Gemm.PackA(path, false, a, k, m, k, packedA);
            // B by columns: column j of op(B) is row j of the stored matrix (as backward-weights packs im2col rows).
            var packedB = new float[Gemm.PackedBLength(path, k, n)];
            for (int j = 0; j < n; j++) Gemm.PackBColumn(path, b.AsSpan(j * k, k), j, n, packedB);
            var whole = Random(random, m * n);
            var split = (float[])whole.Clone();
            var expected = (float[])whole.Clone();
            Naive(false, true, m, n, k, 1f, a, k, b, k, 1f, expected, n);
            Gemm.MultiplyPacked(path, m, n, k, 1f, packedA, packedB, 1f, whole, n);
            AssertClose(expected, whole, k, $"{path} columns {m}x{n}x{k}");
            int middle = Gemm.RoundUp(m / 2, mr);
            Gemm.MultiplyPackedRows(path, m, n, k, middle, m, 1f, packedA, packedB, 1f, split, n);
            Gemm.MultiplyPackedRows(path, m, n, k, 0, middle, 1f, packedA, packedB, 1f, split, n);
            CollectionAssert.AreEqual(whole, split, $"{path} rows split at {middle}");
        }
    }

    [TestMethod]
    public void MultiplyPackedRows_UnalignedStart_Throws()
    {
        var path = GemmPath.Vector256;
        var packedA = new float[Gemm.PackedALength(path, 12, 4)];
        var packedB = new float[Gemm.PackedBLength(path, 4, 5)];
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            Gemm.MultiplyPackedRows(path, 12, 5, 4, 3, 12, 1f, packedA, packedB, 0f, new float[60], 5));
    }

    [TestMethod]
    public void Multiply_BetaZero_OverwritesNaN()
    {
        var c = new float[] { float.NaN, float.NaN, float.NaN, float.NaN };
        Gemm.Multiply(false, false, 2, 2, 1, 1f, new float[] { 1, 2 }, 1, new float[] { 3, 4 }, 2, 0f, c, 2, new float[Gemm.ScratchLength(2, 2, 1)]);
        CollectionAssert.AreEqual(new float[] { 3, 4, 6, 8 }, c);
    }

    [TestMethod]
    public void Multiply_ScratchTooSmall_Throws()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() =>
            Gemm.Multiply(false, false, 4, 4, 4, 1f, new float[16], 4, new float[16], 4, 0f, new float[16], 4, new float[3]));
        StringAssert.Contains(ex.Message, "ScratchLength");
    }

    [TestMethod]
    public void Multiply_OperandTooShort_Throws()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() =>
            Gemm.Multiply(false, false, 4, 4, 4, 1f, new float[15], 4, new float[16], 4, 0f, new float[16], 4, new float[Gemm.ScratchLength(4, 4, 4)]));
        StringAssert.Contains(ex.Message, "operand A");
    }

    [TestMethod]
    [DataRow(false, false)]
    [DataRow(true, false)]
    [DataRow(false, true)]
    public void ParallelMultiply_SplitsRowsOrColumns_MatchesNaiveLoop(bool transposeA, bool transposeB)
    {
        var random = new SeededRandom(3);
        using var pool = new WorkerPool(2);
        var gemm = new ParallelGemm();
        foreach (var (m, n, k) in new[] { (130, 20, 33), (20, 130, 33), (3, 5, 7), (64, 64, 64) })
        {
            int lda = transposeA ? m : k, ldb = transposeB ? k : n;
            var a = Random(random, m * k);
            var b = Random(random, k * n);
            var c = Random(random, m * n);
            var expected = (float[])c.Clone();
            Naive(transposeA, transposeB, m, n, k, 1f, a, lda, b, ldb, 1f, expected, n);
            var scratch = new float[ParallelGemm.ScratchLength(m, n, k, 2)];
            gemm.Multiply(pool, 2, transposeA, transposeB, m, n, k, 1f, new(a, 0, lda), new(b, 0, ldb), 1f, new(c, 0, n), new(scratch, 0, 0));
            AssertClose(expected, c, k, $"{m}x{n}x{k}");
        }
    }

    internal static float[] Random(SeededRandom random, int length)
    {
        var data = new float[length];
        for (int i = 0; i < length; i++) data[i] = random.NextUniform(-1, 1);
        return data;
    }

    private static void Naive(bool transposeA, bool transposeB, int m, int n, int k, float alpha, float[] a, int lda,
        float[] b, int ldb, float beta, float[] c, int ldc)
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                    sum += (double)(transposeA ? a[p * lda + i] : a[i * lda + p]) * (transposeB ? b[j * ldb + p] : b[p * ldb + j]);
                c[i * ldc + j] = (float)(alpha * sum + beta * c[i * ldc + j]);
            }
    }

    private static void AssertClose(float[] expected, float[] actual, int k, string what)
    {
        float tolerance = 1e-5f * (k + 4);
        for (int i = 0; i < expected.Length; i++)
            if (Math.Abs(expected[i] - actual[i]) > tolerance)
                Assert.Fail($"{what}: element {i} is {actual[i]}, expected {expected[i]}.");
    }
}
