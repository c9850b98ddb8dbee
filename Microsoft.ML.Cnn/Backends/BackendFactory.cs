// Picks and creates a compute backend by kind: oneDNN when it loads, the managed backend otherwise or on request.
using Microsoft.ML.Cnn.Backends.Managed;
using Microsoft.ML.Cnn.Backends.OneDnn;
using Microsoft.ML.Cnn.Backends.OneDnn.Native;

namespace Microsoft.ML.Cnn.Backends;

/// <summary>Which compute backend to run on.</summary>
public enum BackendKind
{
    /// <summary>oneDNN when libdnnl.so.2 loads, else the managed backend.</summary>
    Auto,
    /// <summary>The portable C# backend.</summary>
    Managed,
    /// <summary>Intel oneDNN 2.x (package libdnnl2); an error that says how to install it when it cannot load.</summary>
    OneDnn,
}

/// <summary>Creates backends by <see cref="BackendKind"/>.</summary>
public static class BackendFactory
{
    /// <summary>Creates the backend; the caller owns (disposes) it.</summary>
    /// <param name="kind">Which backend; <see cref="BackendKind.Auto"/> prefers oneDNN.</param>
    /// <param name="threads">Compute threads; null for the processor count.</param>
    /// <param name="log">Receives one line saying which backend was chosen and why.</param>
    /// <exception cref="DllNotFoundException"><see cref="BackendKind.OneDnn"/> was asked for and oneDNN cannot load (the message has the install command).</exception>
    public static IBackend Create(BackendKind kind, int? threads = null, Action<string>? log = null) =>
        Create(kind, threads, log, DnnlLibrary.Availability);

    /// <summary>As <see cref="Create(BackendKind, int?, Action{string}?)"/> with the library probe given (tests simulate a missing library).</summary>
    internal static IBackend Create(BackendKind kind, int? threads, Action<string>? log, DnnlAvailability availability)
    {
        if (threads is < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "Use at least 1 thread, or null for every core.");
        switch (kind)
        {
            case BackendKind.Managed:
                return Report(new ManagedBackend(threads), "requested", log);
            case BackendKind.OneDnn:
                if (!availability.IsAvailable) throw new DllNotFoundException(availability.Description);
                return Report(new OneDnnBackend(threads), $"requested, {availability.Description}", log);
            case BackendKind.Auto:
                return availability.IsAvailable
                    ? Report(new OneDnnBackend(threads), $"auto: {availability.Description}", log)
                    : Report(new ManagedBackend(threads), $"auto: {availability.Description}", log);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Choose Auto, Managed or OneDnn.");
        }
    }

    /// <summary>One line naming the backend, its thread count and why it was chosen.</summary>
    public static string Describe(IBackend backend) => backend switch
    {
        ManagedBackend managed => $"managed backend, {managed.Threads} thread(s)",
        OneDnnBackend oneDnn => $"oneDNN backend, {oneDnn.Threads} thread(s)",
        _ => $"{backend.Name} backend",
    };

    private static IBackend Report(IBackend backend, string reason, Action<string>? log)
    {
        log?.Invoke($"Backend: {Describe(backend)} ({reason}).");
        return backend;
    }
}
