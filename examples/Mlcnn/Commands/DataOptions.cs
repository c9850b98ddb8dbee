// The options that name a labelled data set (--data and its IDX --labels file), shared by train and evaluate,
// and the log sink that prints the library's warnings.
using System.CommandLine;
using Microsoft.ML.Cnn.Mlcnn.Inputs;
using Microsoft.ML.Cnn.Mlcnn.Terminal;

namespace Microsoft.ML.Cnn.Mlcnn.Commands;

/// <summary>A --data/--labels pair (or --test/--test-labels).</summary>
internal sealed class DataOptions
{
    private DataOptions(Option<string> data, Option<string?> labels)
    {
        Data = data;
        Labels = labels;
    }

    public Option<string> Data { get; }

    public Option<string?> Labels { get; }

    /// <summary>The help text that explains the forms of a data value.</summary>
    public const string Forms = "a folder with one subfolder of images per class, a CSV with a header 'path,label' (paths relative to the CSV), " +
        $"an IDX image file (with its label file), or '{DataSource.FashionMnistTrainName}' / '{DataSource.FashionMnistTestName}'";

    /// <summary>--NAME and --NAME-labels (for NAME "data": --data and --labels).</summary>
    public static DataOptions Create(string name, string purpose, bool required)
    {
        var data = new Option<string>($"--{name}") { Description = $"{purpose}: {Forms}.", Required = required };
        var labels = new Option<string?>(name == "data" ? "--labels" : $"--{name}-labels") { Description = $"The IDX label file that goes with an IDX --{name} file." };
        return new DataOptions(data, labels);
    }

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Data);
        command.Add(Labels);
    }

    /// <summary>The data source given, or null when the (optional) data option is absent.</summary>
    public DataSource? Resolve(ParseResult result)
    {
        string? path = result.GetValue(Data);
        string? labels = result.GetValue(Labels);
        if (path is null)
            return labels is null ? null : throw new UsageException($"{Labels.Name} is given without {Data.Name}; give the IDX image file with {Data.Name}.");
        return DataSource.Resolve(path, labels, Data.Name, Labels.Name);
    }

    /// <summary>
    /// Prints each distinct loader message once: both Fashion-MNIST splits come from one loader, which says where it
    /// found them every time it is asked.
    /// </summary>
    public static Action<string> OnceEach(CommandConsole console)
    {
        var said = new HashSet<string>(StringComparer.Ordinal);
        return message =>
        {
            if (said.Add(message)) console.WriteLine(message);
        };
    }

    /// <summary>A context whose warnings and errors are printed (information is left to the commands).</summary>
    public static MLContext CreateContext(CommandConsole console, int seed)
    {
        var ml = new MLContext(seed);
        ml.Log += (_, e) =>
        {
            if (e.Kind is ChannelMessageKind.Warning or ChannelMessageKind.Error) console.Error.WriteLine($"[{e.Source}] {e.Kind.ToString().ToLowerInvariant()}: {e.RawMessage}");
        };
        return ml;
    }
}
