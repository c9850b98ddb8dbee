// An initializer that leaves parameters at zero, for tests that set values by hand.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

internal sealed class ZeroInitializer : IInitializer
{
    public static readonly ZeroInitializer Instance = new();

    public void Fill(Span<float> data, Shape shape, int fanIn, int fanOut, SeededRandom random) => data.Clear();
}
