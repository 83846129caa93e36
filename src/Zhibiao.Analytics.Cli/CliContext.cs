using Spectre.Console;

namespace Zhibiao.Analytics.Cli;

/// <summary>The writers a command prints to, and a Spectre console over stdout for tables.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>A console for tables; colour only when stdout is a terminal.</summary>
    public IAnsiConsole Console { get; } = CreateConsole(stdout);

    private static IAnsiConsole CreateConsole(TextWriter stdout)
    {
        bool terminal = ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        // Files and pipes get wide tables rather than the 80 columns Spectre assumes without a terminal.
        if (!terminal) console.Profile.Width = 160;
        return console;
    }
}
