// A copy of every parameter's stored values (weights and running statistics), taken when early stopping sees
// a new best epoch and written back when training ends.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Graph;

namespace Microsoft.ML.Cnn.Training;

/// <summary>Host copies of a parameter store's values, allocated once and overwritten by each capture.</summary>
internal sealed class WeightSnapshot
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly float[][] _copies;

    public WeightSnapshot(IParameterStore store)
    {
        _parameters = store.Parameters;
        _copies = new float[_parameters.Count][];
        for (int i = 0; i < _copies.Length; i++) _copies[i] = new float[store.Values(_parameters[i]).Length];
    }

    /// <summary>The epoch captured, or -1 before the first capture.</summary>
    public int Epoch { get; private set; } = -1;

    public void Capture(IParameterStore store, int epoch)
    {
        for (int i = 0; i < _copies.Length; i++) store.Values(_parameters[i]).CopyTo(_copies[i]);
        Epoch = epoch;
    }

    public void Restore(IParameterStore store)
    {
        if (Epoch < 0) throw new InvalidOperationException("No weights were captured; there is nothing to restore.");
        for (int i = 0; i < _copies.Length; i++) _copies[i].CopyTo(store.Values(_parameters[i]));
    }
}
