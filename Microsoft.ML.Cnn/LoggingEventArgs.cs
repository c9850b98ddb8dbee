// ML.NET's log message: who wrote it, how important it is, and the text.
namespace Microsoft.ML.Cnn;

/// <summary>The importance of a log message, as ML.NET's ChannelMessageKind.</summary>
public enum ChannelMessageKind
{
    /// <summary>Detailed diagnostics.</summary>
    Trace,
    /// <summary>Progress and results.</summary>
    Info,
    /// <summary>Something the user should look at.</summary>
    Warning,
    /// <summary>A failure.</summary>
    Error,
}

/// <summary>One message of <see cref="MLContext.Log"/>.</summary>
public sealed class LoggingEventArgs(string source, ChannelMessageKind kind, string rawMessage) : EventArgs
{
    /// <summary>The component that wrote the message.</summary>
    public string Source { get; } = source;

    /// <summary>The message's importance.</summary>
    public ChannelMessageKind Kind { get; } = kind;

    /// <summary>The text alone.</summary>
    public string RawMessage { get; } = rawMessage;

    /// <summary>The text with its source and kind, formatted as ML.NET does: <c>[Source=…, Kind=…] text</c>.</summary>
    public string Message => $"[Source={Source}, Kind={Kind}] {RawMessage}";
}
