// Rows shared by the normalizer tests, with statistics worked out by hand in the comments.
using Microsoft.ML.Cnn;
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Tests.Transforms.Normalizers;

public sealed class SlotRow
{
    [VectorType(3)] public float[] X = [];
    public float S;
    public string Name = "";
}

public sealed class ImageRow
{
    [VectorType(2, 1, 2)] public float[] Planar = [];
    [VectorType(1, 2, 2)] public float[] Interleaved = [];
}

internal static class NormalizerRows
{
    // Slot 0: 1, 3, 5, NaN (min 1, max 5; mean 3, population variance 8/3). Slot 1: all 0 (constant).
    // Slot 2: 2, -4, 6, 8 (min -4, max 8; mean 3, variance 21). S: 2, 4, 4, 6 (mean 4, variance 2).
    public static IDataView Slots(MLContext context) => context.Data.LoadFromEnumerable(new[]
    {
        new SlotRow { X = [1, 0, 2], S = 2, Name = "a" },
        new SlotRow { X = [3, 0, -4], S = 4, Name = "b" },
        new SlotRow { X = [5, 0, 6], S = 4, Name = "c" },
        new SlotRow { X = [float.NaN, 0, 8], S = 6, Name = "d" },
    });

    // Channel 0 (planar: first two values): 1, 3, 5, 7 (mean 4, variance 5); channel 1: 10, 20, 30, 40 (mean 25, variance 125).
    // Interleaved holds the same pixels as (H, W, C) = (1, 2, 2).
    public static IDataView Images(MLContext context) => context.Data.LoadFromEnumerable(new[]
    {
        new ImageRow { Planar = [1, 3, 10, 20], Interleaved = [1, 10, 3, 20] },
        new ImageRow { Planar = [5, 7, 30, 40], Interleaved = [5, 30, 7, 40] },
    });
}
