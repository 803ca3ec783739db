using System.Reflection;

namespace PackageConsumer;

/// <summary>Proves an assembly came from the packages just packed, not from a project build or an older package.</summary>
internal static class PackageIdentity
{
    public static void Check(Assembly assembly, string expectedVersion, List<string> failures)
    {
        var name = assembly.GetName().Name;
        // The informational version is "VERSION+COMMIT": the package version with the commit it was built from.
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        var version = informational.Split('+')[0];
        Console.WriteLine($"package-consumer: {name} {informational} from {assembly.Location}");
        if (!string.Equals(version, expectedVersion, StringComparison.Ordinal))
        {
            failures.Add($"{name} is version '{version}', expected '{expectedVersion}'");
        }

        if (!informational.Contains('+', StringComparison.Ordinal))
        {
            failures.Add($"{name} carries no source commit in its informational version '{informational}'");
        }
    }
}
