// mlContext.Auto(), as ML.NET's AutoML package adds it: an extension method in the root namespace, so the `using`
// that brings MLContext brings it.
using Microsoft.ML.Cnn.AutoML;

namespace Microsoft.ML.Cnn;

/// <summary>Adds <c>Auto()</c> to <see cref="MLContext"/>.</summary>
public static class AutoCatalogExtensions
{
    /// <summary>The AutoML experiments: searches of Cnn networks and training settings.</summary>
    public static AutoCatalog Auto(this MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AutoCatalog(context);
    }
}
