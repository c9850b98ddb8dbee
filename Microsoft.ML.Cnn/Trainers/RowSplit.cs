// The validation split of ValidationSetFraction: a row is held out when a seeded hash of its position falls below the
// fraction, so both sides are decided row by row while streaming, and the same rows are held out every epoch.
using Microsoft.ML.Cnn.Data;

namespace Microsoft.ML.Cnn.Trainers;

/// <summary>One side of a hashed split of a view's rows by position (positions of the unshuffled cursor).</summary>
/// <param name="ValidationFraction">The expected share of rows held out, in (0, 1).</param>
/// <param name="Seed">Chooses which rows.</param>
/// <param name="Validation">True for the held-out side, false for the training side.</param>
internal sealed record RowSplit(double ValidationFraction, int Seed, bool Validation)
{
    /// <summary>The expected share of rows on this side.</summary>
    public double Share => Validation ? ValidationFraction : 1 - ValidationFraction;

    /// <summary>The other side of the same split.</summary>
    public RowSplit Other => this with { Validation = !Validation };

    /// <summary>Whether the row at <paramref name="position"/> is on this side.</summary>
    public bool Keeps(long position)
    {
        double u = (RowKeyHasher.Mix((ulong)position, Seed) >> 11) * (1.0 / (1UL << 53));
        return u < ValidationFraction == Validation;
    }
}
