using Quickstart;
using UserGroupClient;

// Quickstart: tours IUserGroupService on every dialect. With no arguments each tour runs against an embedded emulator;
// giving a dialect's URL (see --help) tours that real server instead.
Dialect[] dialects = [JumpServerTarget.Dialect, MinAppTarget.Dialect, KylinTarget.Dialect, OwlTarget.Dialect];

var settings = QuickstartSettings.Parse(args, Environment.GetEnvironmentVariable);
var usage = "Usage: dotnet run --project samples/Quickstart [-- options]\n\n"
    + "With no options every dialect is toured against its embedded emulator. Options may also be given as\n"
    + "environment variables UGC_<OPTION> (e.g. --jumpserver-url as UGC_JUMPSERVER_URL). Against a real server the\n"
    + "tour creates groups named ugc-quickstart-* and deletes them again.\n\n"
    + "  --dialect NAME    tour only this dialect (" + string.Join(", ", dialects.Select(d => d.Name)) + ")\n\n"
    + string.Join("\n", dialects.Select(d => d.Usage));
if (settings.ShowHelp || settings.Error is not null)
{
    (settings.Error is null ? Console.Out : Console.Error).WriteLine(settings.Error is null ? usage : settings.Error + "\n\n" + usage);
    return settings.Error is null ? 0 : 2;
}

var real = dialects.Where(d => settings.Get(d.UrlOption) is not null).ToList();
var chosen = settings.Get("dialect") is { } only
    ? dialects.Where(d => d.Name.Equals(only, StringComparison.OrdinalIgnoreCase)).ToList()
    : real.Count > 0 ? real : [.. dialects];
if (chosen.Count == 0)
{
    Console.Error.WriteLine($"Unknown dialect '{settings.Get("dialect")}'.\n\n{usage}");
    return 2;
}

using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(5));
foreach (var dialect in chosen)
{
    try
    {
        await using var target = await dialect.CreateAsync(settings, cancellation.Token);
        Console.WriteLine($"== {target.Description}");
        await new Tour(target.Service, target.MemberIds, Console.Out).RunAsync(cancellation.Token);
        Console.WriteLine();
    }
    catch (Exception error) when (error is UserGroupApiException or ArgumentException)
    {
        Console.Error.WriteLine($"{dialect.Name}: {error.Message}");
        return 1;
    }
}

return 0;
