// Dropout: zeroes random activations while training, and is the identity at inference.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Layers;

/// <summary>
/// Inverted dropout: in training graphs each value is zeroed with probability <see cref="Rate"/> and survivors are
/// scaled by 1/(1 - rate); inference graphs contain no op for it.
/// </summary>
public sealed class Dropout : Layer
{
    /// <param name="rate">Probability of dropping a value, in [0, 1).</param>
    /// <param name="seed">Seed of the mask stream; when null it is derived from the layer's name, so runs stay reproducible.</param>
    /// <param name="name">Layer name; assigned when null.</param>
    public Dropout(float rate, long? seed = null, string? name = null) : base(name)
    {
        if (!(rate is >= 0f and < 1f)) throw new ArgumentOutOfRangeException(nameof(rate), rate, $"A dropout rate is in [0, 1), got {rate}.");
        Rate = rate;
        Seed = seed;
    }

    public override string TypeName => "Dropout";

    public float Rate { get; }

    /// <summary>The seed given, or null for one derived from the name.</summary>
    public long? Seed { get; }

    /// <summary>The seed the mask stream uses.</summary>
    public long EffectiveSeed => Seed ?? StableHash(Name);

    protected internal override Value Forward(LayerContext context, IReadOnlyList<Value> inputs) =>
        context.IsTraining ? context.EmitMany(new Ops.Dropout(Rate, EffectiveSeed), inputs[0])[0] : inputs[0];

    // FNV-1a over the UTF-16 code units: string.GetHashCode is randomized per process.
    private static long StableHash(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text) hash = (hash ^ c) * 1099511628211UL;
        return unchecked((long)hash);
    }
}
