using Microsoft.Extensions.Time.Testing;
using UserGroupClient.JumpServer;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.IntegrationTests.JumpServer;

/// <summary>Wrong secrets, expired tokens, MFA and organizations give the documented typed errors.</summary>
public sealed class JumpServerAuthenticationErrorTests
{
    [Fact]
    public async Task AWrongAccessKeySecretIsAnAuthenticationError()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        using var client = new JumpServerClient(new JumpServerClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = JumpServerCredentials.AccessKey(key.Id, "WrongSecret0000000000000000000000000"),
        });

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.UserGroups.ListAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("authentication_failed", error.ErrorCode);
        Assert.DoesNotContain(key.Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredBearerTokenIsAnAuthenticationError()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await JumpServerEmulator.StartAsync(new JumpServerEmulatorOptions { TimeProvider = clock });
        var token = emulator.IssueBearerToken(JumpServerEmulator.AdminUsername, TimeSpan.FromMinutes(10));
        using var client = new JumpServerClient(new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = JumpServerCredentials.Bearer(token) });
        await client.UserGroups.ListAsync();

        clock.Advance(TimeSpan.FromMinutes(11));
        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.UserGroups.ListAsync());

        Assert.Equal("not_authenticated", error.ErrorCode);
    }

    [Fact]
    public async Task APasswordClientLogsInAgainAfterItsTokenExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await JumpServerEmulator.StartAsync(new JumpServerEmulatorOptions { TimeProvider = clock, TokenLifetime = TimeSpan.FromHours(1) });
        using var client = new JumpServerClient(new JumpServerClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = JumpServerCredentials.Password(JumpServerEmulator.AdminUsername, JumpServerEmulator.AdminPassword),
            TimeProvider = clock,
        });
        await client.UserGroups.ListAsync();

        clock.Advance(TimeSpan.FromMinutes(61));
        await client.UserGroups.ListAsync();

        Assert.Equal(2, emulator.Journal.Entries.Count(e => e.Path.StartsWith("/api/v1/authentication/auth/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnMfaUserCannotLogInWithAPassword()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        emulator.AddUser("mfa-user", password: "pw-123456", isAdmin: true, mfaRequired: true);
        using var client = new JumpServerClient(new JumpServerClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = JumpServerCredentials.Password("mfa-user", "pw-123456"),
        });

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.UserGroups.ListAsync());

        Assert.Equal("mfa_required", error.ErrorCode);
        Assert.Contains("MFA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordIsAnAuthenticationError()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        using var client = new JumpServerClient(new JumpServerClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = JumpServerCredentials.Password(JumpServerEmulator.AdminUsername, "not-the-password"),
        });

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.UserGroups.ListAsync());

        Assert.Equal("password_failed", error.ErrorCode);
    }

    [Fact]
    public async Task AUserWithoutPermissionGetsAPermissionError()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        emulator.AddUser("viewer");
        using var client = new JumpServerClient(new JumpServerClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = JumpServerCredentials.PrivateToken(emulator.AddPrivateToken("viewer")),
        });

        await Assert.ThrowsAsync<UserGroupPermissionException>(() => client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("x")));
    }

    [Fact]
    public async Task AGroupOfAnotherOrganizationIsNotFound()
    {
        await using var server = await JumpServerTestServer.StartAsync();
        var other = server.Emulator.AddOrganization("other");
        var hidden = server.Emulator.AddGroup("hidden", organizationId: other);

        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => server.Client.UserGroups.GetAsync(hidden.Id));
        var found = await server.Client.UserGroups.WithOrganization(other).GetAsync(hidden.Id);
        Assert.Equal("hidden", found.Name);
    }

    [Fact]
    public async Task CreatingInTheRootOrganizationIsAValidationError()
    {
        await using var server = await JumpServerTestServer.StartAsync(configure: o => o.OrganizationId = JumpServerOrganizations.Root);

        var error = await Assert.ThrowsAsync<UserGroupValidationException>(() => server.Service.CreateGroupAsync(new NewUserGroup("nowhere")));

        Assert.True(error.FieldErrors.ContainsKey("non_field_errors"));
    }

    [Fact]
    public async Task AMalformedOrganizationIsRefusedBeforeAnythingIsSent()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();

        Assert.Throws<ArgumentException>(() => new JumpServerClient(new JumpServerClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = JumpServerCredentials.Bearer("t"),
            OrganizationId = "not-an-org",
        }));
        Assert.Empty(emulator.Journal.Entries);
    }
}
