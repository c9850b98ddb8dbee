// Runs the mlcnn command line in-process, capturing its exit code, standard output and standard error.
using Microsoft.ML.Cnn.Mlcnn;
using Microsoft.ML.Cnn.Mlcnn.Terminal;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

/// <summary>What one mlcnn invocation did.</summary>
internal sealed record MlcnnResult(int ExitCode, string Output, string Error)
{
    /// <summary>Everything written, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

internal static class MlcnnRunner
{
    /// <summary>Runs <c>mlcnn ARGS</c> with a non-interactive console.</summary>
    public static MlcnnResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = MlcnnApp.Run(args, CommandConsole.ForWriters(output, error));
        return new MlcnnResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs and asserts the exit code, showing everything written when it differs.</summary>
    public static MlcnnResult Expect(int exitCode, params string[] args)
    {
        var result = Run(args);
        Assert.AreEqual(exitCode, result.ExitCode, result.ToString());
        return result;
    }
}
