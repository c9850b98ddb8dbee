// The mlcnn command tree (System.CommandLine): parses, prints parse errors with exit code 2, and invokes the chosen
// command, whose own exit code (0 ok, 1 failure, 2 usage) is returned.
using System.CommandLine;
using System.CommandLine.Invocation;
using Microsoft.ML.Cnn.Mlcnn.Commands;
using Microsoft.ML.Cnn.Mlcnn.Terminal;

namespace Microsoft.ML.Cnn.Mlcnn;

/// <summary>Entry point shared by the executable and the tests.</summary>
internal static class MlcnnApp
{
    /// <summary>Runs mlcnn with <paramref name="args"/>, writing to <paramref name="console"/>; returns the exit code.</summary>
    public static int Run(string[] args, CommandConsole console)
    {
        var root = new RootCommand("mlcnn: train, evaluate, score and inspect convolutional image classifiers (Microsoft.ML.Cnn).")
        {
            TrainCommand.Create(console),
            EvaluateCommand.Create(console),
            ScoreCommand.Create(console),
            SummaryCommand.Create(console),
            ExportOnnxCommand.Create(console),
            AutoMlCommand.Create(console),
        };
        root.HelpName = "mlcnn"; // not the host's name (testhost, dotnet) when run in-process
        var result = root.Parse(args);
        if (result.Action is ParseErrorAction)
        {
            foreach (var error in result.Errors) console.Error.WriteLine($"mlcnn: {error.Message}");
            string command = result.CommandResult.Command == root ? "" : result.CommandResult.Command.Name + " ";
            console.Error.WriteLine($"Run 'mlcnn {command}--help' for the commands and options.");
            return (int)ExitCode.Usage;
        }
        return result.Invoke(new InvocationConfiguration { Output = console.Output, Error = console.Error, EnableDefaultExceptionHandler = false });
    }
}
