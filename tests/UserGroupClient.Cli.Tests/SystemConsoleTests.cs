using System.Collections;

namespace UserGroupClient.Cli.Tests;

/// <summary>The console the program runs on: the process's own streams, environment and folders.</summary>
public sealed class SystemConsoleTests
{
    [Fact]
    public void TheProgramSeesTheProcesssEnvironmentAndCurrentFolder()
    {
        var console = UgcConsole.FromSystem();

        var variables = Environment.GetEnvironmentVariables();
        Assert.NotEmpty(variables);
        foreach (DictionaryEntry variable in variables)
        {
            Assert.Equal(variable.Value, console.Environment[(string)variable.Key]);
        }

        Assert.Equal(Environment.CurrentDirectory, console.CurrentDirectory);
    }

    [Fact]
    public void TheProgramsStreamsAreTerminalsExactlyWhenTheyAreNotRedirected()
    {
        var console = UgcConsole.FromSystem();

        Assert.Same(Console.Out, console.Out);
        Assert.Same(Console.Error, console.Error);
        Assert.Equal(!Console.IsOutputRedirected, console.OutputIsTerminal);
        Assert.Equal(!Console.IsInputRedirected, console.InputIsTerminal);
    }
}
