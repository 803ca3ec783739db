using System.Net;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Testing.Tests.Kylin;

/// <summary>Signing in to the emulator as Kylin 5 and KE 4 (docs/wire/kylin.md §12.6): JSON 401s and the escalating lock.</summary>
public sealed class KylinV4AuthenticationTests
{
    private const string Public = "application/vnd.apache.kylin-v4-public+json";

    [Theory]
    [InlineData(KylinEmulatorFlavor.Kylin5, "KE-010003207: Can't authenticate. Please login again.", "KE-010003208: Invalid username or password. Please check and try again.")]
    [InlineData(KylinEmulatorFlavor.KyligenceEnterprise4, "KE-010003007(User Unauthorized):Unable to authenticate. Please login again.", "KE-010003008(Login Failed):Invalid username or password.")]
    public async Task FailedSignInsAreIndentedJson401sWithoutAChallenge(KylinEmulatorFlavor flavor, string anonymousMessage, string wrongMessage)
    {
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = flavor });
        using var anonymous = KylinWire.Client(kylin, username: null, accept: Public);
        using var unknown = KylinWire.Client(kylin, "nobody", "x", Public);

        using var none = await anonymous.GetAsync("user_group/no/such/path");
        using var nobody = await unknown.GetAsync("user_group/groups");
        var text = await none.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Empty(none.Headers.WwwAuthenticate);
        Assert.Equal("application/json", none.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\n", text, StringComparison.Ordinal);
        Assert.Equal(anonymousMessage, (string?)(await KylinWire.ReadJsonAsync(none))["msg"]);
        Assert.Equal(wrongMessage, (string?)(await KylinWire.ReadJsonAsync(nobody))["msg"]);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
    }

    [Fact]
    public async Task TheThirdWrongPasswordLocksAndTheRightOneIsRefusedWhileLocked()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.KyligenceEnterprise4, TimeProvider = clock });
        kylin.AddUser("alice", "pw", isAdmin: true);
        using var wrong = KylinWire.Client(kylin, "alice", "wrong", Public);
        using var right = KylinWire.Client(kylin, "ALICE", "pw", Public);

        for (var i = 0; i < 2; i++)
        {
            using var refused = await wrong.GetAsync("user_group/groups");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var third = await wrong.GetAsync("user_group/groups");
        Assert.Equal("KE-010003008(Login Failed):Invalid username or password. Please try again after 30 seconds.", (string?)(await KylinWire.ReadJsonAsync(third))["msg"]);
        Assert.True(kylin.FindUser("alice")!.Locked);

        clock.Advance(TimeSpan.FromSeconds(10));
        using var locked = await right.GetAsync("user_group/groups");
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Equal("KE-010003005(User Locked):For security concern, account alice has been locked. Please try again in 20 seconds. Login failure again will be locked for 1 minutes.", (string?)(await KylinWire.ReadJsonAsync(locked))["msg"]);

        clock.Advance(TimeSpan.FromSeconds(20));
        using var unlocked = await right.GetAsync("user_group/groups");
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
    }

    [Fact]
    public async Task EachWrongPasswordAfterALockLocksLongerUntilTheRightOneResetsTheCount()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Kylin5, TimeProvider = clock });
        kylin.AddUser("alice", "pw", isAdmin: true);
        using var wrong = KylinWire.Client(kylin, "alice", "wrong", Public);
        using var right = KylinWire.Client(kylin, "alice", "pw", Public);

        for (var i = 0; i < 3; i++)
        {
            (await wrong.GetAsync("user_group/groups")).Dispose();
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        using var fourth = await wrong.GetAsync("user_group/groups");
        Assert.Equal(HttpStatusCode.Unauthorized, fourth.StatusCode);
        Assert.Equal("KE-010003208", (string?)(await KylinWire.ReadJsonAsync(fourth))["error_code"]);

        clock.Advance(TimeSpan.FromSeconds(59));
        using var stillLocked = await right.GetAsync("user_group/groups");
        var lockedBody = await KylinWire.ReadJsonAsync(stillLocked);
        Assert.Equal(HttpStatusCode.BadRequest, stillLocked.StatusCode);
        Assert.Equal("KE-010003005(User Locked):For security concern, account alice has been locked. Please try again in 1 seconds. Login failure again will be locked for 5 minutes.", (string?)lockedBody["msg"]);
        Assert.Equal("KE-010003005", (string?)lockedBody["error_code"]);

        clock.Advance(TimeSpan.FromSeconds(1));
        using var signedIn = await right.GetAsync("user_group/groups");
        using var afterReset = await wrong.GetAsync("user_group/groups");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReset.StatusCode);
        Assert.False(kylin.FindUser("alice")!.Locked);
    }

    [Fact]
    public async Task TheTenthWrongPasswordLocksForGood()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Kylin5, TimeProvider = clock });
        kylin.AddUser("alice", "pw");
        using var wrong = KylinWire.Client(kylin, "alice", "wrong", Public);
        using var right = KylinWire.Client(kylin, "alice", "pw", Public);

        for (var i = 0; i < 10; i++)
        {
            (await wrong.GetAsync("user_group/groups")).Dispose();
            clock.Advance(TimeSpan.FromDays(4));
        }

        using var refused = await right.GetAsync("user_group/groups");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("KE-010003005(User Locked):User alice is locked permanently. Please contact to your administrator to reset.", (string?)(await KylinWire.ReadJsonAsync(refused))["msg"]);
        Assert.True(kylin.FindUser("alice")!.Locked);
    }

    [Fact]
    public async Task V2RequestsAreRefusedBeforeSignInSoTheyNeverCountTowardsALock()
    {
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.KyligenceEnterprise4 });
        kylin.AddUser("alice", "pw");
        using var wrong = KylinWire.Client(kylin, "alice", "wrong");

        for (var i = 0; i < 4; i++)
        {
            using var refused = await wrong.GetAsync("user_group/groups?project=");
            Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        }

        Assert.False(kylin.FindUser("alice")!.Locked);
    }
}
