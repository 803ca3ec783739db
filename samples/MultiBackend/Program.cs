using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MultiBackend;
using UserGroupClient;

// Two backends configured in appsettings.json ("Backends:ops-jms", a JumpServer, and "Backends:bi-kylin", a Kylin, each
// with its "Dialect"), registered by name and used side by side: every JumpServer group is mirrored into Kylin.
// With "UseEmulators": true (the default) both point at embedded emulators; set it to false and fill in the real
// addresses and credentials (environment variables such as Backends__ops-jms__Credentials__Secret work too).
// The settings file is read from next to the program, wherever it is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
await using var emulators = builder.Configuration.GetValue("UseEmulators", true)
    ? await EmulatedBackends.StartAsync(builder.Configuration)
    : null;

// Every entry of "Backends" becomes a keyed IUserGroupService named after it; its "Dialect" says which client reads it.
builder.Services.AddUserGroupBackends(builder.Configuration.GetSection("Backends"));
builder.Services.AddSingleton<GroupMirror>();

using var host = builder.Build();
await host.StartAsync();
var mirror = host.Services.GetRequiredService<GroupMirror>();
var mirrored = await mirror.MirrorAsync(CancellationToken.None);
Console.WriteLine($"Mirrored {mirrored.Count} JumpServer groups into Kylin: {string.Join(", ", mirrored)}");
await host.StopAsync();
return 0;
