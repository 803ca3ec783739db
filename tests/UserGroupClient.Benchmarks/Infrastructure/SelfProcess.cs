using System.Diagnostics;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>Starts this benchmark program again in a child process of its own, in another mode.</summary>
internal static class SelfProcess
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark host cannot find its own executable.");
        var start = new ProcessStartInfo(self) { UseShellExecute = false };

        // Started as `dotnet UserGroupClient.Benchmarks.dll`, the executable is the dotnet host and needs the assembly.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
