// GEMM split across the worker pool: rows of C (or columns, whichever is longer) go to workers in
// tile-aligned strips, each with its own packing scratch. Reusable and allocation-free per call.
namespace Microsoft.ML.Cnn.Backends.Managed;

/// <summary>A matrix inside a float array: where it starts and its row stride (leading dimension).</summary>
internal readonly record struct GemmOperand(float[] Array, int Offset, int Leading)
{
    public ReadOnlySpan<float> ReadOnlyFrom(int elementOffset) => new(Array, Offset + elementOffset, Array.Length - Offset - elementOffset);

    public Span<float> From(int elementOffset) => new(Array, Offset + elementOffset, Array.Length - Offset - elementOffset);
}

/// <summary>One parallel GEMM call site; a kernel owns one and reuses it on every run.</summary>
internal sealed class ParallelGemm : IParallelBody
{
    private const int RowUnit = 24;
    private const int ColumnUnit = 32;

    private bool _transposeA, _transposeB, _splitColumns;
    private int _m, _n, _k, _parts, _unit;
    private float _alpha, _beta;
    private GemmOperand _a, _b, _c, _scratch;
    private int _scratchPerPart;

    /// <summary>Scratch floats for <see cref="Multiply"/> at these sizes with up to <paramref name="parts"/> workers.</summary>
    public static int ScratchLength(int m, int n, int k, int parts) => parts * Gemm.ScratchLength(m, n, k);

    /// <summary>
    /// C = alpha op(A) op(B) + beta C like Gemm.Multiply,
    /// on up to <paramref name="maxParts"/> workers; <paramref name="scratch"/> holds <see cref="ScratchLength"/> floats.
    /// </summary>
    public void Multiply(WorkerPool pool, int maxParts, bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        GemmOperand a, GemmOperand b, float beta, GemmOperand c, GemmOperand scratch)
    {
        (_transposeA, _transposeB, _m, _n, _k, _alpha, _beta, _a, _b, _c, _scratch) = (transposeA, transposeB, m, n, k, alpha, beta, a, b, c, scratch);
        _scratchPerPart = Gemm.ScratchLength(m, n, k);
        _splitColumns = n >= m;
        _unit = _splitColumns ? ColumnUnit : RowUnit;
        int units = ((_splitColumns ? n : m) + _unit - 1) / _unit;
        _parts = Math.Max(1, Math.Min(Math.Min(maxParts, pool.Parallelism), units));
        pool.For(_parts, this);
    }

    public void Run(int start, int end, int worker)
    {
        for (int part = start; part < end; part++)
        {
            int length = _splitColumns ? _n : _m;
            int units = (length + _unit - 1) / _unit;
            int first = (int)((long)part * units / _parts) * _unit;
            int last = Math.Min(length, (int)((long)(part + 1) * units / _parts) * _unit);
            if (last <= first) continue;
            var scratch = new Span<float>(_scratch.Array, _scratch.Offset + part * _scratchPerPart, _scratchPerPart);
            if (_splitColumns)
            {
                // Columns [first, last) of C need the same columns of op(B).
                int bOffset = _transposeB ? first * _b.Leading : first;
                Gemm.Multiply(_transposeA, _transposeB, _m, last - first, _k, _alpha, _a.ReadOnlyFrom(0), _a.Leading,
                    _b.ReadOnlyFrom(bOffset), _b.Leading, _beta, _c.From(first), _c.Leading, scratch);
            }
            else
            {
                int aOffset = _transposeA ? first : first * _a.Leading;
                Gemm.Multiply(_transposeA, _transposeB, last - first, _n, _k, _alpha, _a.ReadOnlyFrom(aOffset), _a.Leading,
                    _b.ReadOnlyFrom(0), _b.Leading, _beta, _c.From(first * _c.Leading), _c.Leading, scratch);
            }
        }
    }
}
