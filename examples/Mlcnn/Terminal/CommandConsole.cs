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
    public static CommandConsole ForProcess()
    {
        var ansi = AnsiConsole.Console;
        // Redirected output has no width; Spectre would assume 80 columns and squeeze tables.
        if (Console.IsOutputRedirected) ansi.Profile.Width = 160;
        return new CommandConsole(ansi, Console.Out, Console.Error);
    }

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

    /// <summary>
    /// One line of plain text. Through Spectre on a terminal (so it does not tear a live progress display), straight to
    /// the writer otherwise (so redirected output is never wrapped at a guessed width).
    /// </summary>
    public void WriteLine(string line = "")
    {
        if (IsInteractive) Ansi.WriteLine(line);
        else Output.WriteLine(line);
    }
}
