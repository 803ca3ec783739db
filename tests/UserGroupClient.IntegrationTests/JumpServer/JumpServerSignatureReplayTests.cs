using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.JumpServer;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.IntegrationTests.JumpServer;

/// <summary>
/// What someone who captured an Access Key request can do with it (docs/wire/jumpserver.md §6.3): the organization is
/// signed, so it cannot be changed; the body and the age are not checked by the server, so those replays pass.
/// </summary>
public sealed class JumpServerSignatureReplayTests
{
    [Fact]
    public async Task ACapturedCreateReplayedIntoAnotherOrganizationIsRefused()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var finance = emulator.AddOrganization("Finance");
        var capture = new CapturingHandler();
        using var http = new HttpClient(capture);
        using var client = Client(emulator, http);
        await client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("ops"));
        var create = capture.Requests.Single(r => r.Method == HttpMethod.Post);

        using var replay = await create.ReplayAsync(Change("X-JMS-ORG", finance));

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("Invalid signature.", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(emulator.GetGroups(finance));
        Assert.Equal(["ops"], emulator.GetGroups().Select(g => g.Name));
    }

    [Fact]
    public async Task ACapturedPatchReplayedWithAnotherBodyStillVerifiesBecauseTheBodyIsNotSigned()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var capture = new CapturingHandler();
        using var http = new HttpClient(capture);
        using var client = Client(emulator, http);
        var group = await client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("ops"));
        await client.UserGroups.PatchAsync(group.Id, new JumpServerUserGroupPatch { Name = "ops-renamed" });
        var patch = capture.Requests.Single(r => r.Method == HttpMethod.Patch);

        using var replay = await patch.ReplayAsync(body: Encoding.UTF8.GetBytes("""{"name":"taken-over"}"""));

        // The real server does the same: no version checks a digest of the body, so the SDK claims no body cover.
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("taken-over", emulator.FindGroup(group.Id)!.Name);
    }

    [Fact]
    public async Task WithTheEmulatorsDateWindowAnOldReplayIsRefusedWhileFreshCallsPass()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 3, 11, 48, 25, TimeSpan.Zero));
        await using var emulator = await JumpServerEmulator.StartAsync(new JumpServerEmulatorOptions { TimeProvider = clock, SignatureDateWindow = TimeSpan.FromMinutes(5) });
        var capture = new CapturingHandler();
        using var http = new HttpClient(capture);
        using var client = Client(emulator, http, clock);
        await client.UserGroups.ListAsync();
        var list = capture.Requests.Single();

        clock.Advance(TimeSpan.FromMinutes(6));
        using var replay = await list.ReplayAsync();
        await client.UserGroups.ListAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(2, capture.Requests.Count);
    }

    [Fact]
    public async Task WithoutTheDateWindowAnOldReplayVerifiesAsOnTheRealServer()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 3, 11, 48, 25, TimeSpan.Zero));
        await using var emulator = await JumpServerEmulator.StartAsync(new JumpServerEmulatorOptions { TimeProvider = clock });
        var capture = new CapturingHandler();
        using var http = new HttpClient(capture);
        using var client = Client(emulator, http, clock);
        await client.UserGroups.ListAsync();

        clock.Advance(TimeSpan.FromDays(30));
        using var replay = await capture.Requests.Single().ReplayAsync();

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
    }

    private static JumpServerClient Client(JumpServerEmulator emulator, HttpClient http, TimeProvider? clock = null)
    {
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        var options = new JumpServerClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret),
            TimeProvider = clock ?? TimeProvider.System,
        };
        return new JumpServerClient(options, http);
    }

    private static Dictionary<string, string> Change(string name, string value) => new(StringComparer.OrdinalIgnoreCase) { [name] = value };
}
