using Spectre.Console;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.ML;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Cli;

/// <summary>The writers a command prints to, and a Spectre console over stdout for tables.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr, ForecasterCatalogue? models = null)
{
    /// <summary>The models this command line ships: the core's and the global model of Zhibiao.Analytics.ML (unless a test gives others); every command names models from it.</summary>
    public ForecasterCatalogue Models { get; } = models ?? ForecasterCatalogue.Core.WithGlobalModel();

    /// <summary>
    /// The simulation behind target probabilities and fans: the library's defaults (<see cref="AssessmentOptions.Default"/>),
    /// so that a command and <c>data.Judge()</c> in a notebook give the same P(met) for the same target.
    /// </summary>
    public AssessmentOptions Assessment => AssessmentOptions.Default;

    /// <summary>Standard output; a write that fails is a user error naming it (<see cref="Output.GuardedWriter"/>).</summary>
    public TextWriter Out { get; } = new Output.GuardedWriter(stdout, "standard output");

    public TextWriter Error { get; } = stderr;

    /// <summary>A console for tables, over <see cref="Out"/>; colour only when stdout is a terminal.</summary>
    public IAnsiConsole Console => _console ??= CreateConsole(stdout, Out);

    private IAnsiConsole? _console;

    private static IAnsiConsole CreateConsole(TextWriter stdout, TextWriter guarded)
    {
        bool terminal = ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(guarded),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        // Files and pipes get wide tables rather than the 80 columns Spectre assumes without a terminal.
        if (!terminal) console.Profile.Width = 160;
        return console;
    }
}
