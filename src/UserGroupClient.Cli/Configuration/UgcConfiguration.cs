using Microsoft.Extensions.Configuration;

namespace UserGroupClient.Cli.Configuration;

/// <summary>
/// The tool's configuration: a JSON file (<c>--config FILE</c>, else <c>./ugc.json</c>, else <c>ugc/ugc.json</c> in the
/// user's configuration folder), then the environment variables that start with <c>UGC_</c>, whose double underscores
/// separate keys (<c>UGC_Backends__ops__Credentials__Secret</c> is <c>Backends:ops:Credentials:Secret</c>) and which win
/// over the file.
/// </summary>
internal static class UgcConfiguration
{
    public const string EnvironmentPrefix = "UGC_";

    public const string FileName = "ugc.json";

    /// <exception cref="UgcException">The file given with <c>--config</c> does not exist, or a file is not valid JSON.</exception>
    public static IConfigurationRoot Load(string? configFile, UgcConsole console)
    {
        var builder = new ConfigurationBuilder();
        var file = File(configFile, console);
        if (file is not null)
        {
            // Not optional (it was just found) and never reloaded: a run reads its configuration once.
            builder.AddJsonFile(file);
        }

        builder.AddInMemoryCollection(console.Environment
            .Where(variable => variable.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(variable => KeyValuePair.Create(variable.Key[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), (string?)variable.Value)));
        try
        {
            return builder.Build();
        }
        catch (InvalidDataException exception)
        {
            // The JSON reader's message names the file and the line, never a value.
            throw new UgcException(exception.Message);
        }
    }

    /// <summary>The configuration file that applies, or <see langword="null"/> when there is none (the environment alone).</summary>
    public static string? File(string? configFile, UgcConsole console)
    {
        if (configFile is not null)
        {
            var path = Path.GetFullPath(configFile, console.CurrentDirectory);
            return System.IO.File.Exists(path) ? path : throw new UgcException($"The configuration file '{path}' does not exist.");
        }

        var local = Path.Combine(console.CurrentDirectory, FileName);
        if (System.IO.File.Exists(local))
        {
            return local;
        }

        var user = console.UserConfigDirectory is null ? null : Path.Combine(console.UserConfigDirectory, "ugc", FileName);
        return user is not null && System.IO.File.Exists(user) ? user : null;
    }
}
