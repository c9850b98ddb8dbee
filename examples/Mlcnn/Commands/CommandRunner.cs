// Turns a command's outcome into an exit code and a message on standard error: usage mistakes (2) say which option
// to change, runtime failures (1) what failed; a stack trace only for exception types no command expects.
using Microsoft.ML.Cnn.Graph;
using Microsoft.ML.Cnn.Mlcnn.Terminal;

namespace Microsoft.ML.Cnn.Mlcnn.Commands;

/// <summary>The exception-to-exit-code policy shared by every command.</summary>
internal static class CommandRunner
{
    /// <summary>Runs <paramref name="body"/> for command <paramref name="name"/>; returns the process exit code.</summary>
    public static int Run(CommandConsole console, string name, Func<ExitCode> body)
    {
        try
        {
            return (int)body();
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"mlcnn {name}: {e.Message}");
            console.Error.WriteLine($"Run 'mlcnn {name} --help' for the options.");
            return (int)ExitCode.Usage;
        }
        catch (Exception e) when (IsExpected(e))
        {
            console.Error.WriteLine($"mlcnn {name}: {e.Message}");
            if (e is ShapeInferenceException or ShapeRuleException)
                console.Error.WriteLine("The network does not fit its input: change the architecture or the input size.");
            return (int)ExitCode.Failure;
        }
        catch (Exception e)
        {
            console.Error.WriteLine($"mlcnn {name}: unexpected {e.GetType().Name}: {e.Message}");
            console.Error.WriteLine(e.StackTrace);
            return (int)ExitCode.Failure;
        }
    }

    /// <summary>Failures of input, environment or configuration, whose message is the whole story.</summary>
    private static bool IsExpected(Exception e) => e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException
        or InvalidOperationException or NotSupportedException or ShapeInferenceException or ShapeRuleException or OperationCanceledException
        or DllNotFoundException;
}
