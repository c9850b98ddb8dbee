// Where a command writes: Spectre.Console over standard output (tables, the live progress bar) and a plain writer for
// errors. Tests pass their own writers, which makes the console non-interactive (no live display, plain lines).
using Spectre.Console;

namespace Microsoft.ML.Cnn.Mlcnn.Terminal;

/// <summary>The output and error streams of one mlcnn invocation.</summary>
internal sealed class CommandConsole
{
    private CommandConsole(IAnsiConsole ansi, TextWriter output, TextWriter error)
    {
        Ansi = ansi;
        Output = output;
        Error = error;
    }

    /// <summary>Standard output as a Spectre console: tables, colors, and the live progress bar when a terminal is attached.</summary>
    public IAnsiConsole Ansi { get; }

    /// <summary>Standard output as plain text (what System.CommandLine writes help to).</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: error messages and what to do about them.</summary>
    public TextWriter Error { get; }

    /// <summary>True when a live progress bar can be drawn (an interactive terminal).</summary>
    public bool IsInteractive => Ansi.Profile.Capabilities.Interactive;

    /// <summary>The process's console (Spectre detects whether it is a terminal).</summary>
    public static CommandConsole ForProcess() => new(AnsiConsole.Console, Console.Out, Console.Error);

    /// <summary>A console writing plain text (no colors, no live display, 120 columns) to the given writers.</summary>
    public static CommandConsole ForWriters(TextWriter output, TextWriter error)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        ansi.Profile.Width = 120;
        return new CommandConsole(ansi, output, error);
    }

    /// <summary>One line of plain text (no markup interpretation).</summary>
    public void WriteLine(string line = "") => Ansi.WriteLine(line);
}
