// The scalar a golden op test differentiates: L = sum_i sum(upstream_i * output_i). There is no multiply or sum
// op in the library, so this test-only op is never executed: its gradient rule hands each upstream tensor straight
// to its output, which is exactly dL/d(output_i) when L is the loss being differentiated (seed dL/dL = 1).
using Microsoft.ML.Cnn.Autodiff;
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Ops;

namespace Microsoft.ML.Cnn.Tests.Goldens;

/// <summary>Inputs: output_0, upstream_0, output_1, upstream_1, ... (each pair of equal shapes). Output: a scalar.</summary>
internal sealed record UpstreamWeightedSum : Op
{
    protected override (int Min, int Max) InputCount => (2, int.MaxValue);

    public override IReadOnlyList<Shape> InferShapes(IReadOnlyList<Shape> inputs)
    {
        Require(inputs.Count % 2 == 0, $"inputs come in (output, upstream) pairs, got {inputs.Count}.");
        for (int i = 0; i < inputs.Count; i += 2)
            Require(inputs[i] == inputs[i + 1], $"upstream {inputs[i + 1]} must have the shape of output {inputs[i]}.");
        return [Shape.Scalar];
    }

    public override IReadOnlyList<Value?> Gradient(GradientContext context)
    {
        // Passing upstream through unscaled is only right for the unit seed that starts reverse mode.
        if (context.OutputGradientOrThrow.Producer.Op is not Fill { Value: 1f })
            throw new InvalidOperationException("UpstreamWeightedSum must be the differentiated loss itself.");
        var result = new Value?[context.InputCount];
        for (int i = 0; i < context.InputCount; i += 2) result[i] = context.Input(i + 1);
        return result;
    }
}
