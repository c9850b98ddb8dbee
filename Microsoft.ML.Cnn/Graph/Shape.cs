// Shape of a tensor, outermost dimension first (NCHW for images). The first dimension of an
// activation is the batch, which stays symbolic (Shape.Batch) until a graph is compiled for a batch size.
using System.Collections;
using System.Text;

namespace Microsoft.ML.Cnn.Graph;

/// <summary>An immutable list of dimensions, outermost first. Activations are laid out [N, C, H, W].</summary>
public readonly struct Shape : IEquatable<Shape>, IReadOnlyList<int>
{
    /// <summary>The symbolic batch dimension of a graph that is not yet compiled for a batch size.</summary>
    public const int Batch = -1;

    private readonly int[]? _dims;

    public Shape(params int[] dims)
    {
        foreach (int d in dims)
        {
            if (d < 0 && d != Batch)
                throw new ArgumentException($"Dimension {d} in ({string.Join(", ", dims)}) is negative; dimensions are positive sizes or Shape.Batch.", nameof(dims));
        }
        _dims = (int[])dims.Clone();
    }

    public static Shape Scalar => new();

    public int Rank => _dims?.Length ?? 0;

    public int Count => Rank;

    public int this[int index] => (_dims ?? [])[index];

    /// <summary>True when the leading dimension is the symbolic batch.</summary>
    public bool HasSymbolicBatch => Rank > 0 && this[0] == Batch;

    /// <summary>Number of elements; requires every dimension to be concrete.</summary>
    public int ElementCount
    {
        get
        {
            long count = 1;
            foreach (int d in _dims ?? [])
            {
                if (d == Batch) throw new InvalidOperationException($"Shape {this} has a symbolic batch; compile the graph for a batch size first.");
                count *= d;
            }
            if (count > int.MaxValue) throw new InvalidOperationException($"Shape {this} has {count} elements, more than a single buffer can hold.");
            return (int)count;
        }
    }

    /// <summary>Elements per batch item: the product of every dimension after the first.</summary>
    public int SampleSize
    {
        get
        {
            long count = 1;
            for (int i = 1; i < Rank; i++) count *= this[i];
            return checked((int)count);
        }
    }

    /// <summary>This shape with its symbolic batch replaced by <paramref name="batchSize"/>.</summary>
    public Shape WithBatch(int batchSize) => HasSymbolicBatch ? WithDimension(0, batchSize) : this;

    public Shape WithDimension(int axis, int size)
    {
        int[] dims = ToArray();
        dims[axis] = size;
        return new Shape(dims);
    }

    /// <summary>The dimensions after the batch dimension.</summary>
    public Shape SampleShape => new(ToArray()[1..]);

    /// <summary>A batched shape [Batch, ...sample].</summary>
    public static Shape Batched(params int[] sample) => new([Batch, .. sample]);

    public int[] ToArray() => (int[])(_dims ?? []).Clone();

    public bool Equals(Shape other) => this.AsSpan().SequenceEqual(other.AsSpan());

    public override bool Equals(object? obj) => obj is Shape s && Equals(s);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int d in this) hash.Add(d);
        return hash.ToHashCode();
    }

    public static bool operator ==(Shape a, Shape b) => a.Equals(b);

    public static bool operator !=(Shape a, Shape b) => !a.Equals(b);

    public ReadOnlySpan<int> AsSpan() => _dims ?? [];

    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)(_dims ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Formats as (N, 32, 26, 26), with N for the symbolic batch.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("(");
        for (int i = 0; i < Rank; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(this[i] == Batch ? "N" : this[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.Append(')').ToString();
    }
}
