// Seeded coordinates in [0, 1), as a tuner would propose them, for the search-option tests.
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Tests.AutoML;

internal static class Units
{
    public static double[] Draw(int count, int seed = 3)
    {
        var random = new SeededRandom(seed);
        return Enumerable.Range(0, count).Select(_ => random.NextDouble()).ToArray();
    }
}
