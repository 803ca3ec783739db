using UserGroupClient.Cli;

return await UgcApplication.RunAsync(args, UgcConsole.FromSystem());

/// <summary>The entry point. Declared so that it stays internal: the emulators' ASP.NET Core reference would make it public.</summary>
internal static partial class Program;
