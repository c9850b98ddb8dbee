// Local response normalization across channels (AlexNet, 2012), with PyTorch's nn.LocalResponseNorm semantics.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>
/// Divides each activation by a power of the energy of its neighbouring channels, at every position:
/// b_c = a_c / (k + alpha/size * sum over c' in window(c) of a_c'^2)^beta, the window being channels
/// c - size/2 .. c + (size-1)/2 that exist (centred for odd sizes; an even size puts the extra channel before c).
/// This is PyTorch's <c>nn.LocalResponseNorm(size, alpha, beta, k)</c> exactly, with its defaults.
/// <para>
/// The AlexNet paper writes k = 2, n = 5, alpha = 1e-4, beta = 0.75 with alpha applied to the plain sum; here alpha is
/// divided by size, so the paper's layer is <c>new LocalResponseNorm(size: 5, alpha: 5e-4f, beta: 0.75f, k: 2f)</c>
/// (<see cref="AlexNetPaper"/>). torchvision's AlexNet has no LRN. No parameters; [N, C, H, W] in and out.
/// </para>
/// </summary>
public sealed class LocalResponseNorm : Layer
{
    /// <param name="size">Channels in the window (at least 1).</param>
    /// <param name="alpha">Scale of the window's mean square (the sum is divided by <paramref name="size"/>); at least 0.</param>
    /// <param name="beta">Exponent; at least 0.</param>
    /// <param name="k">Additive constant, positive so the denominator never reaches 0.</param>
    /// <param name="name">Layer name; assigned when null.</param>
    public LocalResponseNorm(int size, float alpha = 1e-4f, float beta = 0.75f, float k = 1f, string? name = null) : base(name)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, $"The window spans at least 1 channel; got {size}.");
        if (!(alpha >= 0f) || !float.IsFinite(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"Alpha must be finite and at least 0, got {alpha}.");
        if (!(beta >= 0f) || !float.IsFinite(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, $"Beta must be finite and at least 0, got {beta}.");
        if (!(k > 0f) || !float.IsFinite(k)) throw new ArgumentOutOfRangeException(nameof(k), k, $"K must be finite and positive (it keeps the denominator above 0), got {k}.");
        Size = size;
        Alpha = alpha;
        Beta = beta;
        K = k;
    }

    /// <summary>The AlexNet paper's LRN (k = 2, n = 5, alpha = 1e-4 on the plain sum, beta = 0.75) in this convention.</summary>
    public static LocalResponseNorm AlexNetPaper(string? name = null) => new(5, 5e-4f, 0.75f, 2f, name);

    public override string TypeName => "LocalResponseNorm";

    /// <summary>Channels in the window.</summary>
    public int Size { get; }

    /// <summary>Scale of the window's sum of squares divided by <see cref="Size"/>.</summary>
    public float Alpha { get; }

    public float Beta { get; }

    public float K { get; }

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.Emit(new Ops.LocalResponseNorm(Size, Alpha, Beta, K), inputs[0]);
}
