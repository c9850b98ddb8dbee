// The augment code of ImageAugmentation: draws a flip and a shift per sample from a SeededRandom and applies them in
// place to [C, H, W] samples, one channel plane at a time through a pooled scratch plane (no steady-state allocation).
using System.Buffers;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Training;

public sealed partial record ImageAugmentation
{
    /// <summary>
    /// Augments the first <paramref name="count"/> samples of <paramref name="batch"/> (each of <paramref name="sampleShape"/>,
    /// [C, H, W], stored one after the other) in place. Every sample gets its own draws, in order, from
    /// <paramref name="random"/>: the same generator state gives the same result.
    /// </summary>
    internal void AugmentBatch(Span<float> batch, int count, Shape sampleShape, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Validate(sampleShape);
        int size = sampleShape.ElementCount;
        if (count < 0 || (long)count * size > batch.Length)
            throw new ArgumentOutOfRangeException(nameof(count), $"{count} samples of {sampleShape} do not fit a batch of {batch.Length} values.");
        int height = sampleShape[1], width = sampleShape[2];
        var plane = ArrayPool<float>.Shared.Rent(height * width);
        try
        {
            for (int i = 0; i < count; i++) AugmentSample(batch.Slice(i * size, size), sampleShape, random, plane);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(plane);
        }
    }

    /// <summary>Draws this sample's flip and shift, then moves its pixels; <paramref name="plane"/> holds at least H·W values.</summary>
    private void AugmentSample(Span<float> sample, Shape sampleShape, SeededRandom random, float[] plane)
    {
        int channels = sampleShape[0], height = sampleShape[1], width = sampleShape[2];
        var (maxDy, maxDx) = MaxShifts(height, width);
        // Draw order (flip, dy, dx) is part of the seeded contract: keep it.
        bool flip = HorizontalFlip && (random.NextUInt32() & 1) == 1;
        int dy = maxDy > 0 ? random.NextInt(2 * maxDy + 1) - maxDy : 0;
        int dx = maxDx > 0 ? random.NextInt(2 * maxDx + 1) - maxDx : 0;
        if (!flip && dx == 0 && dy == 0) return;

        int area = height * width;
        for (int c = 0; c < channels; c++)
        {
            var channel = sample.Slice(c * area, area);
            channel.CopyTo(plane);
            for (int y = 0; y < height; y++)
            {
                var row = channel.Slice(y * width, width);
                int sourceY = SourceIndex(y - dy, height, FillMode);
                if (sourceY < 0) { row.Clear(); continue; }
                var source = plane.AsSpan(sourceY * width, width);
                for (int x = 0; x < width; x++)
                {
                    int sourceX = SourceIndex(x - dx, width, FillMode);
                    // The shifted image is the mirrored one, so a flip maps the source column after the shift.
                    row[x] = sourceX < 0 ? 0f : source[flip ? width - 1 - sourceX : sourceX];
                }
            }
        }
    }

    /// <summary>
    /// The pixel of an axis of <paramref name="length"/> that position <paramref name="index"/> (possibly outside the
    /// image, by less than <paramref name="length"/>) shows under <paramref name="mode"/>; -1 for a zero.
    /// </summary>
    internal static int SourceIndex(int index, int length, ImagePaddingMode mode)
    {
        if ((uint)index < (uint)length) return index;
        return mode switch
        {
            ImagePaddingMode.Reflect => index < 0 ? -index : 2 * length - 2 - index,
            ImagePaddingMode.Symmetric => index < 0 ? -index - 1 : 2 * length - 1 - index,
            _ => -1,
        };
    }
}
