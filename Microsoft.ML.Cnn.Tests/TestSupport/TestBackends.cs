// The backends every table-driven op test runs on. A new backend is one line in All.
using Microsoft.ML.Cnn.Backends;
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Backends.OneDnn;
using Microsoft.ML.Cnn.Backends.OneDnn.Native;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

/// <summary>A backend under test: a display name (also the test-case argument) and a factory.</summary>
public sealed record TestBackend(string Name, Func<IBackend> Create)
{
    public override string ToString() => Name;
}

/// <summary>The [DynamicData] source of backends.</summary>
public static class TestBackends
{
    /// <summary>
    /// Every backend the op table runs on. The managed backend runs with 2 threads and 1 thread; oneDNN with 2 threads,
    /// and its cases report Inconclusive (never pass) where libdnnl.so.2 is not installed.
    /// </summary>
    public static IReadOnlyList<TestBackend> All { get; } =
    [
        new("managed-2t", () => new ManagedBackend(threads: 2)),
        new("managed-1t", () => new ManagedBackend(threads: 1)),
        new("onednn-2t", CreateOneDnn),
    ];

    /// <summary>A 2-thread oneDNN backend, or Assert.Inconclusive with the loader's reason when the library is missing.</summary>
    public static OneDnnBackend CreateOneDnn()
    {
        var availability = DnnlLibrary.Availability;
        if (!availability.IsAvailable) Assert.Inconclusive(availability.Description);
        return new OneDnnBackend(threads: 2);
    }

    /// <summary>One test case per backend (the name only, so each case is listed on its own).</summary>
    public static IEnumerable<object[]> Names => All.Select(b => new object[] { b.Name });

    public static TestBackend Named(string name) =>
        All.FirstOrDefault(b => b.Name == name) ?? throw new ArgumentException($"No test backend named '{name}'.", nameof(name));
}
