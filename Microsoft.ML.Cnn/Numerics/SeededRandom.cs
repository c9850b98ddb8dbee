// A small, fast, portable random generator (xoshiro128**), so seeded runs give bit-identical
// results on every .NET version and platform (System.Random's algorithm is not a contract).
namespace Microsoft.ML.Cnn.Numerics;

/// <summary>Deterministic pseudo-random numbers: the same seed gives the same sequence everywhere.</summary>
public sealed class SeededRandom
{
    private uint _s0, _s1, _s2, _s3;

    public SeededRandom(long seed)
    {
        ulong z = unchecked((ulong)seed);
        ulong a = SplitMix(ref z), b = SplitMix(ref z);
        _s0 = (uint)a; _s1 = (uint)(a >> 32); _s2 = (uint)b; _s3 = (uint)(b >> 32);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1;
    }

    /// <summary>A generator for a named sub-stream, independent of how much this one has been used.</summary>
    public static SeededRandom ForStream(long seed, long stream) =>
        new(unchecked((long)((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)stream * 0xBF58476D1CE4E5B9UL + 1)));

    public uint NextUInt32()
    {
        uint result = BitRotate(_s1 * 5, 7) * 9;
        uint t = _s1 << 9;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitRotate(_s3, 11);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public float NextFloat() => (NextUInt32() >> 8) * (1f / (1 << 24));

    /// <summary>Uniform in [0, 1) with double precision.</summary>
    public double NextDouble() => ((ulong)NextUInt32() << 21 ^ NextUInt32() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), "must be positive");
        return (int)(((ulong)NextUInt32() * (uint)maxExclusive) >> 32);
    }

    /// <summary>Uniform in [low, high).</summary>
    public float NextUniform(float low, float high) => low + (high - low) * NextFloat();

    /// <summary>Standard normal sample (Box-Muller).</summary>
    public float NextGaussian()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]: log stays finite
        double u2 = NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle(Span<int> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static uint BitRotate(uint x, int k) => (x << k) | (x >> (32 - k));

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
