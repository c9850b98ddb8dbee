// The process exit codes every mlcnn command returns.
namespace Microsoft.ML.Cnn.Mlcnn;

/// <summary>What a command's exit status means.</summary>
internal enum ExitCode
{
    /// <summary>The command did what it was asked.</summary>
    Ok = 0,

    /// <summary>The command was well formed but failed while running (unreadable data, a failed write, a network that does not fit).</summary>
    Failure = 1,

    /// <summary>The command line, or a file it names, is wrong before any work starts; the message says what to change.</summary>
    Usage = 2,
}

/// <summary>A mistake in the command line or in a file it names (exit code 2); the message says what to do instead.</summary>
internal sealed class UsageException(string message, Exception? inner = null) : Exception(message, inner);
