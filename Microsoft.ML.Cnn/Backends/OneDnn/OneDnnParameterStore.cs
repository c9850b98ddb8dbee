// Parameters and gradients for the oneDNN backend, in canonical layout inside pinned arrays (oneDNN memory objects
// point at them); executables reorder weights into the primitives' layouts and gradients back.
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Backends.OneDnn;

/// <summary>
/// Canonical-layout storage at fixed addresses; <see cref="Upload"/> and <see cref="Download"/> copy to and from
/// <see cref="Parameter.Data"/>. Executables keep reordered copies of weights and refresh them only after the
/// values may have changed: a call to <see cref="Values"/> or <see cref="Upload"/> marks the parameter changed, so
/// write through a span only before the next run.
/// </summary>
internal sealed class OneDnnParameterStore : IParameterStore
{
    private readonly Dictionary<Parameter, (float[] Values, float[] Gradients)> _storage;
    private readonly Dictionary<Parameter, int> _generations = [];

    public OneDnnParameterStore(IReadOnlyList<Parameter> parameters)
    {
        Parameters = parameters;
        _storage = new Dictionary<Parameter, (float[], float[])>(parameters.Count);
        foreach (var parameter in parameters)
        {
            var values = GC.AllocateArray<float>(parameter.Data.Length, pinned: true);
            parameter.Data.CopyTo(values, 0);
            _storage[parameter] = (values, GC.AllocateArray<float>(parameter.Data.Length, pinned: true));
            _generations[parameter] = 0;
        }
    }

    public IReadOnlyList<Parameter> Parameters { get; }

    public Span<float> Values(Parameter parameter)
    {
        var values = ValueArray(parameter);
        _generations[parameter] = _generations.GetValueOrDefault(parameter) + 1;
        return values;
    }

    /// <summary>Changes whenever the parameter's values may have been written.</summary>
    internal int Generation(Parameter parameter) => _generations.GetValueOrDefault(parameter);

    public Span<float> Gradients(Parameter parameter) => GradientArray(parameter);

    internal float[] ValueArray(Parameter parameter) => Find(parameter).Values;

    internal float[] GradientArray(Parameter parameter) => Find(parameter).Gradients;

    public void Upload(Parameter parameter)
    {
        parameter.Data.CopyTo(Find(parameter).Values, 0);
        _generations[parameter] = _generations.GetValueOrDefault(parameter) + 1;
    }

    public void Download(Parameter parameter) => Find(parameter).Values.CopyTo(parameter.Data, 0);

    public void Dispose() { }

    private (float[] Values, float[] Gradients) Find(Parameter parameter) =>
        _storage.TryGetValue(parameter, out var storage) ? storage
            : throw new ArgumentException($"Parameter '{parameter.Name}' is not in this store; create the store from the network's parameters.", nameof(parameter));
}
