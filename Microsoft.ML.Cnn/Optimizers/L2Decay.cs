// Coupled L2 weight decay, shared by the optimizers and the trainer: the gradient of 0.5 * decay * |w|^2.
using System.Numerics.Tensors;
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Optimizers;

/// <summary>Adds decay * w to the gradients of weight parameters; biases and batch-norm parameters are not decayed.</summary>
public static class L2Decay
{
    /// <summary>gradient += decay * values, for <see cref="ParameterRole.Weight"/> parameters only.</summary>
    public static void AddToGradient(Parameter parameter, ReadOnlySpan<float> values, Span<float> gradients, float decay)
    {
        if (parameter.Role != ParameterRole.Weight || decay == 0f) return;
        TensorPrimitives.MultiplyAdd(values, decay, gradients, gradients);
    }

    /// <summary>Applies <see cref="AddToGradient"/> to every parameter that requires a gradient.</summary>
    public static void AddToGradients(IParameterStore store, IReadOnlyList<Parameter> parameters, float decay)
    {
        if (decay == 0f) return;
        for (int i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (parameter.RequiresGradient) AddToGradient(parameter, store.Values(parameter), store.Gradients(parameter), decay);
        }
    }
}
