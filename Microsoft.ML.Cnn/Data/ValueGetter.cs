// ML.NET's getter delegate: writes the current row's value of one column into a caller-owned variable.
namespace Microsoft.ML.Cnn.Data;

/// <summary>Reads the current value of a column into <paramref name="value"/> (reusing its buffers where possible).</summary>
public delegate void ValueGetter<TValue>(ref TValue value);
