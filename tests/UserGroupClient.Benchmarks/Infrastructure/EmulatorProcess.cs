using System.Diagnostics;
using System.Globalization;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>Starts the emulator child process (<see cref="EmulatorHostMode"/>) and tells the benchmarks where it is.</summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _ready;

    private EmulatorProcess(Process process, string ready)
    {
        _process = process;
        _ready = ready;
    }

    public static async Task<EmulatorProcess> StartAsync()
    {
        var start = SelfProcess.StartInfo(["--emulator", .. BenchmarkSettings.StreamingGroupCounts.Select(count => count.ToString(CultureInfo.InvariantCulture))]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;

        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
        Console.WriteLine("benchmarks: seeding the JumpServer emulator process…");
        while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                return new EmulatorProcess(process, line["ready ".Length..]);
            }
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        throw new InvalidOperationException($"The emulator process exited with {process.ExitCode} before it was ready.");
    }

    /// <summary>Makes the emulator's address visible to the benchmark processes.</summary>
    public void Publish() => EmulatorEndpoint.Publish(_ready);

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }
}
