// Pooling layers: max, average and L2 over windows, and global average over the whole image.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>Window, stride and padding shared by <see cref="MaxPool2D"/>, <see cref="AvgPool2D"/> and <see cref="L2Pool2D"/>; no parameters.</summary>
public abstract class PoolingLayer : Layer
{
    private protected PoolingLayer((int Height, int Width) pool, (int Height, int Width)? stride, Padding? padding, string? name) : base(name)
    {
        var s = stride ?? pool;
        if (pool.Height <= 0 || pool.Width <= 0 || s.Height <= 0 || s.Width <= 0)
            throw new ArgumentOutOfRangeException(nameof(pool), $"Pool {pool.Height}x{pool.Width} and stride {s.Height}x{s.Width} must be positive.");
        Pool = pool;
        Stride = s;
        Padding = padding ?? Padding.Valid;
    }

    public (int Height, int Width) Pool { get; }

    /// <summary>Step between windows; defaults to the pool size (non-overlapping windows).</summary>
    public (int Height, int Width) Stride { get; }

    public Padding Padding { get; }

    private protected Pool2DGeometry Geometry(Shape x) => new(Pool.Height, Pool.Width, Stride.Height, Stride.Width,
        x.Rank == 4 ? Padding.Resolve(x[2], x[3], Pool.Height, Pool.Width, Stride.Height, Stride.Width) : Padding.Amounts);
}

/// <summary>
/// The largest value of each window: [N, C, H, W] to [N, C, OH, OW]. Padded positions never win.
/// With <see cref="CeilMode"/> (PyTorch's <c>ceil_mode=True</c>, used by GoogLeNet and some AlexNet ports) the output
/// size rounds up: out = ceil((n + pBefore + pAfter - k)/s) + 1, less one when the last window would start at or beyond
/// n + pBefore, so a partial window at the bottom or right edge still gives an output (e.g. 3x3 stride 2 takes 112 to 56,
/// not 55). The layer resolves this into extra bottom/right padding, so the op, every backend and ONNX export see
/// ordinary explicit padding.
/// </summary>
public sealed class MaxPool2D : PoolingLayer
{
    /// <summary>A square window; the stride defaults to the window (e.g. <c>new MaxPool2D(2)</c> halves H and W).</summary>
    /// <param name="pool">Window size.</param>
    /// <param name="stride">Step between windows; defaults to the window.</param>
    /// <param name="padding">Padding; defaults to <see cref="Padding.Valid"/>.</param>
    /// <param name="ceilMode">Round the output size up rather than down (PyTorch's ceil_mode).</param>
    /// <param name="name">Layer name; assigned when null.</param>
    public MaxPool2D(int pool, int? stride = null, Padding? padding = null, bool ceilMode = false, string? name = null)
        : base((pool, pool), stride is int s ? (s, s) : null, padding, name) => CeilMode = ceilMode;

    public MaxPool2D((int Height, int Width) pool, (int Height, int Width)? stride = null, Padding? padding = null, bool ceilMode = false, string? name = null)
        : base(pool, stride, padding, name) => CeilMode = ceilMode;

    public override string TypeName => "MaxPool2D";

    /// <summary>Whether the output size rounds up (a last, partial window at the bottom and right edges).</summary>
    public bool CeilMode { get; }

    public override string Details => CeilMode ? "ceil mode" : "";

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.Emit(new Ops.MaxPool2D(CeilModeGeometry(inputs[0].Shape)), inputs[0]);

    private Pool2DGeometry CeilModeGeometry(Shape x)
    {
        var g = Geometry(x);
        if (!CeilMode || x.Rank != 4) return g;
        var p = g.Padding;
        int bottom = OutputSize.CeilModeExtraPadding(x[2], g.KernelHeight, g.StrideHeight, p.Top, p.Bottom);
        int right = OutputSize.CeilModeExtraPadding(x[3], g.KernelWidth, g.StrideWidth, p.Left, p.Right);
        return g with { Padding = p with { Bottom = p.Bottom + bottom, Right = p.Right + right } };
    }
}

/// <summary>The mean of each window: [N, C, H, W] to [N, C, OH, OW].</summary>
public sealed class AvgPool2D : PoolingLayer
{
    /// <param name="pool">Window size.</param>
    /// <param name="stride">Step between windows; defaults to the window.</param>
    /// <param name="padding">Padding; defaults to <see cref="Padding.Valid"/>.</param>
    /// <param name="countIncludesPadding">True: divide by the whole window (PyTorch); false: by the positions inside the input (Keras "same").</param>
    /// <param name="name">Layer name; assigned when null.</param>
    public AvgPool2D(int pool, int? stride = null, Padding? padding = null, bool countIncludesPadding = true, string? name = null)
        : base((pool, pool), stride is int s ? (s, s) : null, padding, name) => CountIncludesPadding = countIncludesPadding;

    public AvgPool2D((int Height, int Width) pool, (int Height, int Width)? stride = null, Padding? padding = null, bool countIncludesPadding = true, string? name = null)
        : base(pool, stride, padding, name) => CountIncludesPadding = countIncludesPadding;

    public override string TypeName => "AvgPool2D";

    /// <summary>Whether padded positions count in a window's divisor.</summary>
    public bool CountIncludesPadding { get; }

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.Emit(new Ops.AvgPool2D(Geometry(inputs[0].Shape), CountIncludesPadding), inputs[0]);
}

/// <summary>
/// The L2 norm of each window, sqrt(sum of x^2): [N, C, H, W] to [N, C, OH, OW]. Padded positions count as zeros.
/// PyTorch's <c>nn.LPPool2d(2, kernel, stride)</c> (after zero padding) and ONNX's <c>LpPool</c> with p = 2. Where a
/// window is all zeros the gradient is 0 (PyTorch gives NaN there).
/// </summary>
public sealed class L2Pool2D : PoolingLayer
{
    /// <param name="pool">Window size.</param>
    /// <param name="stride">Step between windows; defaults to the window.</param>
    /// <param name="padding">Padding with zeros; defaults to <see cref="Padding.Valid"/>.</param>
    /// <param name="name">Layer name; assigned when null.</param>
    public L2Pool2D(int pool, int? stride = null, Padding? padding = null, string? name = null)
        : base((pool, pool), stride is int s ? (s, s) : null, padding, name) { }

    public L2Pool2D((int Height, int Width) pool, (int Height, int Width)? stride = null, Padding? padding = null, string? name = null)
        : base(pool, stride, padding, name) { }

    public override string TypeName => "L2Pool2D";

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.Emit(new Ops.L2Pool2D(Geometry(inputs[0].Shape)), inputs[0]);
}

/// <summary>The mean of each channel over the whole image: [N, C, H, W] to [N, C] (replaces Flatten before a classifier).</summary>
public sealed class GlobalAveragePool2D(string? name = null) : Layer(name)
{
    public override string TypeName => "GlobalAveragePool2D";

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.Emit(new GlobalAvgPool(), inputs[0]);
}
