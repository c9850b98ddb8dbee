// The repository's tools/ scripts, run from tests: found above the test build output, run with their output captured.
using System.Diagnostics;

namespace Microsoft.ML.Cnn.Tests.TestSupport;

/// <summary>The exit code and the standard output then standard error of a finished tool, or TimedOut.</summary>
internal sealed record ToolResult(int ExitCode, string Output, bool TimedOut);

internal static class RepositoryTools
{
    /// <summary>The full path of tools/<paramref name="name"/> in the repository these tests were built from.</summary>
    public static string PathOf(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tools", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException($"No tools/{name} above {AppContext.BaseDirectory}; run the tests from the repository's build output.");
    }

    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/>; kills it (and its children) after <paramref name="timeout"/>.</summary>
    public static ToolResult Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return new ToolResult(-1, output, TimedOut: true);
        }
        return new ToolResult(process.ExitCode, output + stderr.Result, TimedOut: false);
    }
}
