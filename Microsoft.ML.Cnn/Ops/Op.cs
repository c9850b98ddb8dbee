// The base of every primitive: its attributes are the record's fields, and its shape rule and gradient
// rule sit together on the record. Kernels live in the backends' kernel tables, not here.
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Ops;

/// <summary>
/// A primitive of the graph. To add one: derive a sealed record, implement <see cref="InferShapes"/> (throw
/// <see cref="ShapeRuleException"/> naming the formula that broke) and <see cref="Gradient"/> (emit backward ops
/// through the context), then add a kernel row to each backend's kernel table and a row to the op test table.
/// </summary>
public abstract record Op
{
    /// <summary>Short display name used in messages and summaries.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>Smallest and largest number of inputs accepted.</summary>
    protected virtual (int Min, int Max) InputCount => (1, 1);

    /// <summary>Output shapes for these input shapes; the leading dimension may be <see cref="Shape.Batch"/>.</summary>
    public abstract IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs);

    /// <summary>
    /// One gradient per input (null where the input needs none), given the gradients flowing into the outputs.
    /// </summary>
    public abstract IReadOnlyList<Value?> Gradient(GradientContext context);

    internal void CheckArity(int count)
    {
        var (min, max) = InputCount;
        if (count < min || count > max)
            throw new ShapeRuleException(min == max
                ? $"{Name} takes {min} input(s), got {count}."
                : $"{Name} takes {min} to {max} inputs, got {count}.");
    }

    /// <summary>Throws a <see cref="ShapeRuleException"/> with <paramref name="reason"/> unless <paramref name="condition"/> holds.</summary>
    protected static void Require(bool condition, string reason)
    {
        if (!condition) throw new ShapeRuleException(reason);
    }

    /// <summary>Requires a rank, naming what the input is for.</summary>
    protected static void RequireRank(Shape shape, int rank, string what, string layout)
    {
        Require(shape.Rank == rank, $"{what} must have rank {rank} {layout}, got {shape}.");
    }
}

/// <summary>A backward op: computes gradients, and has no gradient of its own (no second-order derivatives).</summary>
public abstract record BackwardOp : Op
{
    public sealed override IReadOnlyList<Value?> Gradient(GradientContext context) =>
        throw new NotSupportedException($"{Name} is a gradient op; second-order gradients are not supported.");
}
