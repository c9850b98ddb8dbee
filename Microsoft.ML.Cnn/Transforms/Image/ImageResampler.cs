// Antialiased bilinear resampling of 8-bit images, as Pillow's Image.resize(BILINEAR, box): a separable triangle
// filter whose support widens by the shrink factor, so shrinking averages every covered source pixel (area-like)
// instead of skipping pixels, and enlarging is plain bilinear interpolation between pixel centres.
// Unlike Pillow the horizontal pass keeps floats (no intermediate rounding), so results may differ from it by 1.
namespace Microsoft.ML.Cnn.Transforms.Image;

/// <summary>Resamples a rectangle of a source image onto a rectangle of a destination image.</summary>
internal sealed class ImageResampler
{
    private float[] _rows = [];

    /// <summary>
    /// Resamples the source region [<paramref name="x0"/>, <paramref name="x1"/>) × [<paramref name="y0"/>, <paramref name="y1"/>)
    /// (fractional pixel coordinates) of <paramref name="source"/> (row-major, <paramref name="channels"/> interleaved
    /// bytes per pixel) onto the <paramref name="outWidth"/> × <paramref name="outHeight"/> block at
    /// (<paramref name="outX"/>, <paramref name="outY"/>) of <paramref name="destination"/>, whose rows are
    /// <paramref name="destinationWidth"/> pixels wide.
    /// </summary>
    public void Resample(ReadOnlySpan<byte> source, int sourceWidth, int sourceHeight, int channels,
        double x0, double y0, double x1, double y1,
        Span<byte> destination, int destinationWidth, int outX, int outY, int outWidth, int outHeight)
    {
        var horizontal = Axis.Create(sourceWidth, x0, x1, outWidth);
        var vertical = Axis.Create(sourceHeight, y0, y1, outHeight);
        // Horizontal pass over the source rows the vertical pass reads, into floats.
        int firstRow = vertical.Start[0], lastRow = vertical.Start[outHeight - 1] + vertical.Count[outHeight - 1];
        int rowLength = outWidth * channels;
        int needed = (lastRow - firstRow) * rowLength;
        if (_rows.Length < needed) _rows = new float[needed];
        for (int y = firstRow; y < lastRow; y++)
        {
            var sourceRow = source.Slice(y * sourceWidth * channels, sourceWidth * channels);
            var row = _rows.AsSpan((y - firstRow) * rowLength, rowLength);
            for (int x = 0; x < outWidth; x++)
            {
                var weights = horizontal.WeightsOf(x);
                int start = horizontal.Start[x];
                for (int c = 0; c < channels; c++)
                {
                    float sum = 0;
                    for (int k = 0; k < weights.Length; k++) sum += weights[k] * sourceRow[(start + k) * channels + c];
                    row[x * channels + c] = sum;
                }
            }
        }
        // Vertical pass into bytes, rounded and clamped.
        for (int y = 0; y < outHeight; y++)
        {
            var weights = vertical.WeightsOf(y);
            int start = vertical.Start[y] - firstRow;
            var target = destination.Slice(((outY + y) * destinationWidth + outX) * channels, rowLength);
            for (int i = 0; i < rowLength; i++)
            {
                float sum = 0;
                for (int k = 0; k < weights.Length; k++) sum += weights[k] * _rows[(start + k) * rowLength + i];
                target[i] = (byte)Math.Clamp((int)MathF.Floor(sum + 0.5f), 0, 255);
            }
        }
    }

    /// <summary>The filter taps of one axis: for output pixel i, <c>Count[i]</c> weights starting at source pixel <c>Start[i]</c>.</summary>
    private sealed class Axis
    {
        private readonly float[] _weights;
        private readonly int _stride;

        private Axis(int[] start, int[] count, float[] weights, int stride)
        {
            Start = start; Count = count; _weights = weights; _stride = stride;
        }

        public int[] Start { get; }

        public int[] Count { get; }

        public ReadOnlySpan<float> WeightsOf(int output) => _weights.AsSpan(output * _stride, Count[output]);

        /// <summary>Taps mapping the source span [<paramref name="from"/>, <paramref name="to"/>) of an axis of <paramref name="inSize"/> pixels onto <paramref name="outSize"/> pixels.</summary>
        public static Axis Create(int inSize, double from, double to, int outSize)
        {
            double scale = (to - from) / outSize;
            double filterScale = Math.Max(scale, 1.0);
            double support = filterScale; // the triangle filter's support is 1, widened when shrinking
            int stride = (int)Math.Ceiling(support) * 2 + 1;
            var start = new int[outSize];
            var count = new int[outSize];
            var weights = new float[outSize * stride];
            var taps = new double[stride];
            for (int i = 0; i < outSize; i++)
            {
                double center = from + (i + 0.5) * scale;
                int min = Math.Max(0, (int)Math.Floor(center - support + 0.5));
                int max = Math.Min(inSize, (int)Math.Floor(center + support + 0.5));
                int n = Math.Max(0, Math.Min(max - min, stride));
                double total = 0;
                for (int k = 0; k < n; k++) total += taps[k] = Triangle((min + k - center + 0.5) / filterScale);
                if (total == 0) // the span lies beyond the image (rounding at an edge): take the nearest pixel
                {
                    min = Math.Clamp((int)Math.Floor(center), 0, inSize - 1);
                    n = 1; taps[0] = total = 1;
                }
                start[i] = min;
                count[i] = n;
                for (int k = 0; k < n; k++) weights[i * stride + k] = (float)(taps[k] / total);
            }
            return new Axis(start, count, weights, stride);
        }

        private static double Triangle(double x)
        {
            x = Math.Abs(x);
            return x < 1 ? 1 - x : 0;
        }
    }
}
