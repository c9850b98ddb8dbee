// `mlcnn summary`: the network table (layers, output shapes, parameter counts) of a model zip, or of a preset or
// architecture file built for an input shape and class count (and, with --weights, what a PyTorch file would fill).
using System.CommandLine;
using System.Globalization;
using Microsoft.ML.Cnn.Mlcnn.Networks;
using Microsoft.ML.Cnn.Mlcnn.Pipelines;
using Microsoft.ML.Cnn.Mlcnn.Terminal;

namespace Microsoft.ML.Cnn.Mlcnn.Commands;

/// <summary>Defines and runs <c>mlcnn summary</c>.</summary>
internal static class SummaryCommand
{
    public static Command Create(CommandConsole console)
    {
        var model = new Option<string?>("--model", "-m") { Description = "A model zip whose network to show." };
        var architecture = new Option<string?>("--architecture", "-a") { Description = $"Instead of --model: a preset ({ArchitectureChoice.PresetNames}) or an architecture JSON file." };
        var shape = new Option<string>("--input-shape") { Description = "With --architecture: the sample shape C,H,W.", DefaultValueFactory = _ => "3,32,32" };
        var classes = new Option<int>("--classes") { Description = "With --architecture: the number of classes.", DefaultValueFactory = _ => 10 };
        var weights = new Option<string?>("--weights") { HelpName = "FILE.safetensors",  Description = "With --architecture: import these PyTorch weights (.safetensors) and report what matched, as 'mlcnn train --weights' would." };
        var stripPrefix = new Option<string?>("--weights-strip-prefix") { HelpName = "PREFIX",  Description = "Remove this prefix from the weights' tensor names first, e.g. 'module.'." };
        var command = new Command("summary", "Show a network's layers, output shapes and parameter counts.") { model, architecture, shape, classes, weights, stripPrefix };
        command.SetAction(result => CommandRunner.Run(console, "summary", () =>
        {
            string? modelPath = result.GetValue(model), architectureText = result.GetValue(architecture);
            if ((modelPath is null) == (architectureText is null))
                throw new UsageException("Give either --model MODEL.zip or --architecture PRESET|FILE.json (with --input-shape and --classes).");
            var pretrained = PretrainedWeights.Open(result.GetValue(weights), result.GetValue(stripPrefix));
            if (modelPath is not null)
            {
                if (pretrained is not null) throw new UsageException("--weights goes with --architecture (a network to import into), not --model.");
                var loaded = LoadedModel.Load(DataOptions.CreateContext(console, seed: 1), modelPath);
                console.WriteLine($"Network of '{modelPath}' (input {loaded.InputShape}):");
                console.WriteLine(loaded.Scorer.Network.Summary().ToString());
                return ExitCode.Ok;
            }
            int[] inputShape = ParseShape(result.GetValue(shape)!);
            int classCount = result.GetValue(classes);
            if (classCount < 1) throw new UsageException($"--classes {classCount}: give the number of classes, at least 1.");
            var choice = ArchitectureChoice.Resolve(architectureText!);
            console.WriteLine($"{choice} for input ({string.Join(", ", inputShape)}) and {classCount} classes:");
            var network = choice.Build(inputShape, classCount, seed: 1);
            console.WriteLine(network.Summary().ToString());
            if (pretrained is not null)
                foreach (string line in pretrained.Describe(pretrained.ImportInto(network, choice.ToString()))) console.WriteLine(line);
            return ExitCode.Ok;
        }));
        return command;
    }

    /// <summary>Reads "C,H,W" (positive integers).</summary>
    private static int[] ParseShape(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 3 && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0))
            return parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        throw new UsageException($"--input-shape '{text}' is not C,H,W; write three positive integers, e.g. 3,32,32 or 1,28,28.");
    }
}
