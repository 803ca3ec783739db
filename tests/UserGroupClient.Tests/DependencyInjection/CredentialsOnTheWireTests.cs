using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UserGroupClient.Authentication;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.DependencyInjection;

/// <summary>
/// What the credentials make of a request (the scheme, the token, the signed headers) and which of their values the
/// client's options hand on for masking.
/// </summary>
public sealed class CredentialsOnTheWireTests
{
    private const string KeyId = "2a5b0e9c-1111-4222-8333-944455556666";

    [Fact]
    public async Task AnAccessKeySignsTheRequestTargetAcceptDateAndOrganizationByDefault()
    {
        var authorization = await JumpServerAuthorization(JumpServerCredentials.AccessKey(KeyId, "sk-8812"));

        Assert.StartsWith($"Signature keyId=\"{KeyId}\",algorithm=\"hmac-sha256\",headers=\"(request-target) accept date x-jms-org\",signature=\"", authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAccessKeySignsTheHeadersItIsGiven()
    {
        var authorization = await JumpServerAuthorization(JumpServerCredentials.AccessKey(KeyId, "sk-8812", ["(request-target)", "date"]));

        Assert.Contains(",headers=\"(request-target) date\",", authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenProvidersTokenIsSentAsBearer()
    {
        Assert.Equal("Bearer provided-1", await JumpServerAuthorization(JumpServerCredentials.Bearer(new OneToken("provided-1"))));
        Assert.Equal("Bearer fixed-1", await JumpServerAuthorization(JumpServerCredentials.Bearer("fixed-1")));
        Assert.Equal("Token fixed-1", await JumpServerAuthorization(JumpServerCredentials.PrivateToken("fixed-1")));
    }

    [Fact]
    public async Task MinAppAndOwlTokenProvidersTokensAreSentAsBearer()
    {
        var calls = Registered.Answering("{}");
        var services = new ServiceCollection();
        services.AddMinAppClient("mini", o =>
            {
                o.Credentials = MinAppCredentials.AccessToken(new OneToken("provided-mini"));
                o.Resilience.Enabled = false;
            })
            .ConfigurePrimaryHttpMessageHandler(() => calls);
        services.AddOwlClient("owl", o =>
            {
                o.BaseAddress = new Uri("https://owl.example.com/");
                o.Credentials = OwlCredentials.Token(new OneToken("provided-owl"));
                o.Resilience.Enabled = false;
            })
            .ConfigurePrimaryHttpMessageHandler(() => calls);
        await using var provider = services.BuildServiceProvider();

        await Record.ExceptionAsync(async () => await provider.GetRequiredKeyedService<IUserGroupService>("mini").ListGroupsAsync().ToListAsync());
        await Record.ExceptionAsync(async () => await provider.GetRequiredKeyedService<IUserGroupService>("owl").ListGroupsAsync().ToListAsync());

        Assert.Equal(["Bearer provided-mini", "Bearer provided-owl"], calls.Requests.Select(r => r.Header("Authorization")).Distinct());
    }

    [Fact]
    public void TheOptionsHandOnTheCredentialsSecretsAndNoneWithoutCredentials()
    {
        Assert.Equal(["sk-8812"], new JumpServerClientOptions { Credentials = JumpServerCredentials.AccessKey(KeyId, "sk-8812") }.CredentialSecrets());
        Assert.Equal(["pw-8812", "QURNSU46cHctODgxMg=="], new KylinClientOptions { Credentials = KylinCredentials.Basic("ADMIN", "pw-8812") }.CredentialSecrets());
        Assert.Equal(["cs-8812"], new MinAppClientOptions { Credentials = MinAppCredentials.ClientCredentials("cid-1", "cs-8812") }.CredentialSecrets());
        Assert.Equal(["jwt-8812"], new OwlClientOptions { Credentials = OwlCredentials.Token("jwt-8812") }.CredentialSecrets());
        Assert.Empty(new JumpServerClientOptions().CredentialSecrets());
        Assert.Empty(new KylinClientOptions().CredentialSecrets());
        Assert.Empty(new MinAppClientOptions().CredentialSecrets());
        Assert.Empty(new OwlClientOptions().CredentialSecrets());
    }

    [Fact]
    public async Task AKylinPasswordEchoedByTheServerIsMasked()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.BadRequest, """{"code":"999","data":null,"msg":"bad password pw-8812 for QURNSU46cHctODgxMg=="}"""));
        using var kylin = new Kylin.KylinStub(stub, o => o.Credentials = KylinCredentials.Basic("ADMIN", "pw-8812"));

        var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(async () => await kylin.Service.ListGroupsAsync().ToListAsync());

        Assert.DoesNotContain("pw-8812", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("QURNSU46cHctODgxMg==", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string?> JumpServerAuthorization(JumpServerCredentials credentials)
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"count":0,"results":[]}"""));
        using var jms = new JumpServerStub(stub, credentials);

        await jms.Client.UserGroups.ListAsync();

        return Assert.Single(stub.Requests).Header("Authorization");
    }

    private sealed class OneToken(string token) : ITokenProvider
    {
        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(new AccessToken(token, null));

        public ValueTask<AccessToken> RefreshTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default) => ValueTask.FromResult(new AccessToken(token, null));
    }
}
