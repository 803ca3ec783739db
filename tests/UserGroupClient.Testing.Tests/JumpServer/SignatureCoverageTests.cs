using System.Net;
using System.Security.Cryptography;
using System.Text;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Testing.Tests.JumpServer;

/// <summary>
/// What an Access Key signature binds (docs/wire/jumpserver.md §6.3, §7): a listed <c>x-jms-org</c> is verified like any
/// header, and nothing covers the body, not even a signed <c>Digest</c>.
/// </summary>
public sealed class SignatureCoverageTests : IAsyncLifetime
{
    private const string Groups = "/api/v1/users/groups/";
    private const string Date = "Tue, 20 Apr 2021 02:07:55 GMT";
    private const string DefaultOrg = JumpServerEmulator.DefaultOrganizationId;

    private JumpServerEmulator jms = null!;
    private JumpServerEmulatedAccessKey key = null!;
    private HttpClient client = null!;
    private string finance = null!;

    public async Task InitializeAsync()
    {
        jms = await JumpServerEmulator.StartAsync();
        key = jms.AddAccessKey(JumpServerEmulator.AdminUsername);
        finance = jms.AddOrganization("Finance");
        client = Wire.Client(jms);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await jms.DisposeAsync();
    }

    [Fact]
    public async Task ASignedOrganizationHeaderIsVerified()
    {
        using var response = await CreateAsync("ops", OrgSigned(DefaultOrg), organization: DefaultOrg);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["ops"], jms.GetGroups(DefaultOrg).Select(g => g.Name));
    }

    [Fact]
    public async Task AChangedSignedOrganizationHeaderIsAnInvalidSignature()
    {
        using var response = await CreateAsync("ops", OrgSigned(DefaultOrg), organization: finance);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"detail\":\"Invalid signature.\",\"code\":\"authentication_failed\"}", await response.Content.ReadAsStringAsync());
        Assert.Empty(jms.GetGroups(finance));
    }

    [Fact]
    public async Task ARemovedSignedOrganizationHeaderCrashesTheServer()
    {
        using var response = await CreateAsync("ops", OrgSigned(DefaultOrg), organization: null);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(jms.GetGroups(DefaultOrg));
    }

    [Fact]
    public async Task AnUnsignedOrganizationHeaderCanBeChangedWithoutBreakingTheSignature()
    {
        var unsigned = Authorization(Sign($"(request-target): post {Groups}\ndate: {Date}"), "(request-target) date");

        using var response = await CreateAsync("ops", unsigned, organization: finance);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["ops"], jms.GetGroups(finance).Select(g => g.Name));
    }

    [Fact]
    public async Task TheBodyIsNotCoveredByTheSignature()
    {
        var authorization = OrgSigned(DefaultOrg);

        using var first = await CreateAsync("ops", authorization, organization: DefaultOrg);
        using var second = await CreateAsync("not-what-was-signed", authorization, organization: DefaultOrg);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(["not-what-was-signed", "ops"], jms.GetGroups(DefaultOrg).Select(g => g.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ASignedDigestIsNotCheckedAgainstTheBody()
    {
        var digest = "SHA-256=" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Body("ops"))));
        var authorization = Authorization(Sign($"(request-target): post {Groups}\ndate: {Date}\ndigest: {digest}"), "(request-target) date digest");

        using var response = await CreateAsync("not-what-was-digested", authorization, organization: DefaultOrg, digest: digest);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["not-what-was-digested"], jms.GetGroups(DefaultOrg).Select(g => g.Name));
    }

    private static string Body(string name) => $"{{\"name\":\"{name}\"}}";

    private string OrgSigned(string organization) =>
        Authorization(Sign($"(request-target): post {Groups}\ndate: {Date}\nx-jms-org: {organization}"), "(request-target) date x-jms-org");

    private string Sign(string signingString) => Wire.HmacSha256(key.Secret, signingString);

    private string Authorization(string signature, string headers) =>
        $"Signature keyId=\"{key.Id}\",algorithm=\"hmac-sha256\",headers=\"{headers}\",signature=\"{signature}\"";

    private async Task<HttpResponseMessage> CreateAsync(string name, string authorization, string? organization, string? digest = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Groups) { Content = Wire.Json(Body(name)) };
        request.Headers.TryAddWithoutValidation("Date", Date);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (organization is not null)
        {
            request.Headers.TryAddWithoutValidation("X-JMS-ORG", organization);
        }

        if (digest is not null)
        {
            request.Headers.TryAddWithoutValidation("Digest", digest);
        }

        return await client.SendAsync(request);
    }
}
