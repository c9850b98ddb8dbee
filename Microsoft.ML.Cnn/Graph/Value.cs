// A tensor-valued edge of the static graph: one output of one node.
namespace Microsoft.ML.Cnn.Graph;

/// <summary>One output of a <see cref="Node"/>. Values are float32 tensors; class labels travel as integral floats.</summary>
public sealed class Value
{
    internal Value(Node producer, int outputIndex, Shape shape, int id)
    {
        Producer = producer;
        OutputIndex = outputIndex;
        Shape = shape;
        Id = id;
    }

    public Node Producer { get; }

    public int OutputIndex { get; }

    /// <summary>The shape, with <see cref="Shape.Batch"/> as the leading dimension of activations.</summary>
    public Shape Shape { get; }

    /// <summary>Dense index of this value within its graph.</summary>
    public int Id { get; }

    public override string ToString() =>
        Producer.Outputs.Count == 1 ? $"{Producer.Name} {Shape}" : $"{Producer.Name}:{OutputIndex} {Shape}";
}
