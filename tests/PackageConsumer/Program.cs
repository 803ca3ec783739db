using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PackageConsumer;
using UserGroupClient;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.MinApp;
using UserGroupClient.Testing.Owl;

// Usage: PackageConsumer EXPECTED-PACKAGE-VERSION. Exits 0 only when the loaded assemblies are that version and
// every dialect's client completed its round trip against its emulator.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: PackageConsumer EXPECTED-PACKAGE-VERSION");
    return 2;
}

using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
var cancellationToken = timeout.Token;
var failures = new List<string>();

PackageIdentity.Check(typeof(IUserGroupService).Assembly, args[0], failures);
PackageIdentity.Check(typeof(JumpServerEmulator).Assembly, args[0], failures);
PackageIdentity.Check(typeof(UserGroupClientStandardResilienceExtensions).Assembly, args[0], failures);

await RoundTrip.RunAsync("JumpServer", failures, async () =>
{
    await using var emulator = await JumpServerEmulator.StartAsync(cancellationToken: cancellationToken);
    var members = new[] { emulator.AddUser("alice").Id, emulator.AddUser("bob").Id };
    var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
    using var client = new JumpServerClient(new JumpServerClientOptions
    {
        BaseAddress = emulator.BaseAddress,
        Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret),
    });
    await RoundTrip.ExerciseAsync(client.AsUserGroupService(), members, cancellationToken);
});

await RoundTrip.RunAsync("MinApp", failures, async () =>
{
    await using var emulator = await MinAppEmulator.StartAsync(cancellationToken: cancellationToken);
    var members = new[] { emulator.AddUser("alice"), emulator.AddUser("bob") }
        .Select(user => user.UserId.ToString(CultureInfo.InvariantCulture)).ToArray();
    using var client = new MinAppClient(new MinAppClientOptions
    {
        BaseAddress = emulator.BaseAddress,
        Credentials = MinAppCredentials.ClientCredentials(emulator.ClientId, emulator.ClientSecret),
    });
    await RoundTrip.ExerciseAsync(client.AsUserGroupService(), members, cancellationToken);
});

await RoundTrip.RunAsync("Kylin", failures, async () =>
{
    await using var emulator = await KylinEmulator.StartAsync(cancellationToken: cancellationToken);
    var members = new[] { emulator.AddUser("alice", "alice-password").Username, emulator.AddUser("bob", "bob-password").Username };
    using var client = new KylinClient(new KylinClientOptions
    {
        BaseAddress = emulator.BaseAddress,
        Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword),
    });
    await RoundTrip.ExerciseAsync(client.AsUserGroupService(), members, cancellationToken);
});

await RoundTrip.RunAsync("Owl", failures, async () =>
{
    await using var emulator = await OwlEmulator.StartAsync(cancellationToken: cancellationToken);
    var hosts = new[] { emulator.AddHost("web-1", "10.0.0.1").Id, emulator.AddHost("web-2", "10.0.0.2").Id };
    var users = new[] { emulator.AddUser("alice").Id, emulator.AddUser("bob").Id }
        .Select(id => id.ToString(CultureInfo.InvariantCulture)).ToArray();
    using var client = new OwlClient(new OwlClientOptions
    {
        BaseAddress = emulator.BaseAddress,
        Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword),
    });
    await RoundTrip.ExerciseAsync(client.AsHostGroupService(), hosts, cancellationToken);
    await RoundTrip.ExerciseAsync(client.AsUserGroupService(), users, cancellationToken);
});

// UserGroupClient.Http.Resilience: a client registered with dependency injection, Microsoft's standard handler in the
// SDK's place, resends a GET the server failed once (signed afresh, or the emulator would refuse it).
await RoundTrip.RunAsync("JumpServer with the standard resilience handler", failures, async () =>
{
    await using var emulator = await JumpServerEmulator.StartAsync(cancellationToken: cancellationToken);
    var members = new[] { emulator.AddUser("alice").Id, emulator.AddUser("bob").Id };
    var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
    var services = new ServiceCollection();
    services.AddJumpServerClient("jms", o => (o.BaseAddress, o.Credentials) = (emulator.BaseAddress, JumpServerCredentials.AccessKey(key.Id, key.Secret)))
        .UseStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.Zero);
    await using var provider = services.BuildServiceProvider();
    emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ServiceUnavailable, method: "GET", pathPrefix: "/api/v1/users/groups/"));

    await RoundTrip.ExerciseAsync(provider.GetRequiredKeyedService<IUserGroupService>("jms"), members, cancellationToken);

    var first = emulator.Journal.Entries.Where(r => r.Method == "GET" && r.Path.StartsWith("/api/v1/users/groups/", StringComparison.Ordinal)).Take(2).Select(r => r.StatusCode);
    if (!first.SequenceEqual([503, 200]))
    {
        throw new InvalidOperationException($"the standard handler did not resend the failed GET: [{string.Join(", ", first)}]");
    }
});

foreach (var failure in failures)
{
    Console.Error.WriteLine($"package-consumer: FAILED {failure}");
}

return failures.Count == 0 ? 0 : 1;
