using System.Net;
using System.Security.Cryptography;
using System.Text;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Testing.Tests.JumpServer;

/// <summary>Each client mistake of docs/wire/jumpserver.md §6.3 gets the server's answer: 401, or a 500 where the server crashes.</summary>
public sealed class SignatureMistakeTests : IAsyncLifetime
{
    private const string Path = "/api/v1/users/groups/?limit=10&offset=0";
    private const string Date = "Tue, 07 Jun 2014 20:51:35 GMT";

    private JumpServerEmulator jms = null!;
    private JumpServerEmulatedAccessKey key = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        jms = await JumpServerEmulator.StartAsync();
        key = jms.AddAccessKey(JumpServerEmulator.AdminUsername);
        client = Wire.Client(jms);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await jms.DisposeAsync();
    }

    [Fact]
    public async Task CorrectSignatureIsAccepted() =>
        Assert.Equal(HttpStatusCode.OK, await SendAsync(Header(Sign($"(request-target): get {Path}\ndate: {Date}"))));

    [Theory]
    [InlineData("hmac-sha1")]
    [InlineData("hmac-sha512")]
    public async Task OtherHmacAlgorithmsVerifyWithTheSameSecret(string algorithm)
    {
        var message = Encoding.ASCII.GetBytes($"(request-target): get {Path}\ndate: {Date}");
        var secret = Encoding.ASCII.GetBytes(key.Secret);
#pragma warning disable CA5350 // The server accepts HMAC-SHA1; the test proves the emulator does too.
        var mac = algorithm == "hmac-sha1" ? HMACSHA1.HashData(secret, message) : HMACSHA512.HashData(secret, message);
#pragma warning restore CA5350

        Assert.Equal(HttpStatusCode.OK, await SendAsync(Header(Convert.ToBase64String(mac), algorithm: algorithm)));
    }

    [Theory]
    [InlineData("(request-target): get /api/v1/users/groups/?limit=10&offset=1\ndate: " + Date)]
    [InlineData("(request-target): get /api/v1/users/groups/\ndate: " + Date)]
    [InlineData("(request-target): GET /api/v1/users/groups/?limit=10&offset=0\ndate: " + Date)]
    [InlineData("(request-target): get /api/v1/users/groups/?limit=10&offset=0\ndate: Tue, 07 Jun 2014 20:51:36 GMT")]
    public async Task SigningTheWrongTextIsInvalid(string signingString) =>
        await AssertInvalidSignatureAsync(await SendForBodyAsync(Header(Sign(signingString))));

    [Fact]
    public async Task WrongSecretIsInvalid() =>
        await AssertInvalidSignatureAsync(await SendForBodyAsync(Header(Wire.HmacSha256("not-the-secret", $"(request-target): get {Path}\ndate: {Date}"))));

    [Fact]
    public async Task UnknownKeyIdIsInvalid() =>
        await AssertInvalidSignatureAsync(await SendForBodyAsync(Header(Sign($"(request-target): get {Path}\ndate: {Date}"), keyId: Guid.NewGuid().ToString())));

    [Fact]
    public async Task InactiveKeyIsInvalid()
    {
        var inactive = jms.AddAccessKey(JumpServerEmulator.AdminUsername, isActive: false);
        var signature = Wire.HmacSha256(inactive.Secret, $"(request-target): get {Path}\ndate: {Date}");

        await AssertInvalidSignatureAsync(await SendForBodyAsync(Header(signature, keyId: inactive.Id)));
    }

    [Fact]
    public async Task InactiveUserIsInvalid()
    {
        jms.AddUser("gone", isAdmin: true, isActive: false);
        var gone = jms.AddAccessKey("gone");
        var signature = Wire.HmacSha256(gone.Secret, $"(request-target): get {Path}\ndate: {Date}");

        await AssertInvalidSignatureAsync(await SendForBodyAsync(Header(signature, keyId: gone.Id)));
    }

    [Theory]
    [InlineData("keyId")]
    [InlineData("algorithm")]
    [InlineData("signature")]
    public async Task MissingParameterIsInvalid(string missing)
    {
        var parameters = new Dictionary<string, string>
        {
            ["keyId"] = key.Id,
            ["algorithm"] = "hmac-sha256",
            ["headers"] = "(request-target) date",
            ["signature"] = Sign($"(request-target): get {Path}\ndate: {Date}"),
        };
        parameters.Remove(missing);

        await AssertInvalidSignatureAsync(await SendForBodyAsync("Signature " + string.Join(',', parameters.Select(p => $"{p.Key}=\"{p.Value}\""))));
    }

    [Fact]
    public async Task WellFormedButWrongSignatureIsInvalid() =>
        await AssertInvalidSignatureAsync(await SendForBodyAsync(Header("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")));

    [Theory]
    [InlineData("!!!!")]
    [InlineData("abcd*")]
    public async Task SignatureOfJunkCharactersIsInvalid(string signature) =>
        await AssertInvalidSignatureAsync(await SendForBodyAsync(Header(signature)));

    [Fact]
    public async Task CharactersOutsideBase64AreSkippedLikePythonDoes()
    {
        var signature = Sign($"(request-target): get {Path}\ndate: {Date}");

        Assert.Equal(HttpStatusCode.OK, await SendAsync(Header("!" + signature[..10] + "#" + signature[10..])));
    }

    [Fact]
    public async Task ParametersAreCaseInsensitiveUnquotedAndInAnyOrder()
    {
        var signature = Sign($"(request-target): get {Path}\ndate: {Date}");

        Assert.Equal(HttpStatusCode.OK, await SendAsync($"SIGNATURE Signature={signature}, HEADERS=\"(request-target) date\", KEYID={key.Id}, Algorithm=hmac-sha256"));
    }

    [Fact]
    public async Task ClientOutsideTheAllowListIsRefused()
    {
        var fenced = jms.AddAccessKey(JumpServerEmulator.AdminUsername, allowedIps: ["10.0.0.0/8"]);
        var header = Header(Wire.HmacSha256(fenced.Secret, $"(request-target): get {Path}\ndate: {Date}"), keyId: fenced.Id);

        using var response = await SendRawAsync(header);
        var body = await Wire.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Ip is not in access ip list.", (string?)body!["detail"]);
        Assert.Equal("authentication_failed", (string?)body["code"]);
    }

    [Fact]
    public async Task ForwardedClientInsideTheAllowListIsAccepted()
    {
        var fenced = jms.AddAccessKey(JumpServerEmulator.AdminUsername, allowedIps: ["10.0.0.0/8"]);
        var header = Header(Wire.HmacSha256(fenced.Secret, $"(request-target): get {Path}\ndate: {Date}"), keyId: fenced.Id);

        using var response = await SendRawAsync(header, extraHeaders: new() { ["X-Forwarded-For"] = "10.1.2.3, 127.0.0.1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("(request-target)")]
    [InlineData("(request-target) Date")]
    [InlineData("(Request-Target) date")]
    [InlineData("(request-target)  date")]
    [InlineData("(request-target) date x-missing")]
    public async Task MalformedHeadersListCrashesTheServer(string? headers)
    {
        var signature = Sign($"(request-target): get {Path}\ndate: {Date}");

        Assert.Equal(HttpStatusCode.InternalServerError, await SendAsync(Header(signature, headers: headers)));
    }

    [Fact]
    public async Task MissingDateHeaderCrashesTheServer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.TryAddWithoutValidation("Authorization", Header(Sign($"(request-target): get {Path}\ndate: {Date}")));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningContentTypeCrashesTheServerWithJsonBody()
    {
        const string GroupsPath = "/api/v1/users/groups/";
        var signingString = $"(request-target): post {GroupsPath}\ndate: {Date}\ncontent-type: application/json";
        using var request = new HttpRequestMessage(HttpMethod.Post, GroupsPath) { Content = new StringContent("{\"name\":\"x\"}") };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Date", Date);
        request.Headers.TryAddWithoutValidation("Authorization", Header(Sign(signingString), headers: "(request-target) date content-type"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("{\"error\":\"Server internal error\"}", await response.Content.ReadAsStringAsync());
        Assert.Empty(jms.GetGroups());
    }

    [Theory]
    [InlineData("hmac-md5")]
    [InlineData("hs2019")]
    [InlineData("HMAC-SHA256")]
    [InlineData("rsa-sha256")]
    public async Task UnsupportedAlgorithmCrashesTheServer(string algorithm) =>
        Assert.Equal(HttpStatusCode.InternalServerError, await SendAsync(Header(Sign($"(request-target): get {Path}\ndate: {Date}"), algorithm: algorithm)));

    [Fact]
    public async Task BadBase64PaddingCrashesTheServer()
    {
        var signature = Sign($"(request-target): get {Path}\ndate: {Date}");

        Assert.Equal(HttpStatusCode.InternalServerError, await SendAsync(Header(signature.TrimEnd('=')[..^1])));
    }

    [Fact]
    public async Task KeyIdThatIsNotAUuidCrashesTheServer() =>
        Assert.Equal(HttpStatusCode.InternalServerError, await SendAsync(Header(Sign($"(request-target): get {Path}\ndate: {Date}"), keyId: "my-key")));

    [Fact]
    public async Task NonAsciiValueInASignedHeaderCrashesTheServer()
    {
        var header = Header(Sign($"(request-target): get {Path}\ndate: {Date}\nx-note: café"), headers: "(request-target) date x-note");

        using var response = await SendRawAsync(header, extraHeaders: new() { ["X-Note"] = "café" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task SlashlessPathIsRedirectedAndItsSignatureFailsOnTheSlashedPath()
    {
        const string Slashless = "/api/v1/users/groups?limit=10";
        var header = Header(Sign($"(request-target): get {Slashless}\ndate: {Date}"));

        using var first = await SendRawAsync(header, Slashless);
        Assert.Equal(HttpStatusCode.MovedPermanently, first.StatusCode);
        Assert.Equal("/api/v1/users/groups/?limit=10", first.Headers.Location?.OriginalString);

        using var second = await SendRawAsync(header, first.Headers.Location!.OriginalString);
        await AssertInvalidSignatureAsync(second);
    }

    [Fact]
    public async Task ThePathIsSignedAsDjangoReEscapesIt()
    {
        const string Sent = "/api/v1/users/groups/%28a%29/?limit=10";
        const string Signed = "/api/v1/users/groups/(a)/?limit=10";

        using var response = await SendRawAsync(Header(Sign($"(request-target): get {Signed}\ndate: {Date}")), Sent);

        Assert.Equal(Sent, jms.Journal.Entries[^1].PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("object_does_not_exist", (string?)(await Wire.ReadJsonAsync(response))!["code"]);
    }

    private static async Task AssertInvalidSignatureAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
            Assert.Equal("{\"detail\":\"Invalid signature.\",\"code\":\"authentication_failed\"}", await response.Content.ReadAsStringAsync());
        }
    }

    private string Sign(string signingString) => Wire.HmacSha256(key.Secret, signingString);

    private string Header(string signature, string? keyId = null, string algorithm = "hmac-sha256", string? headers = "(request-target) date") =>
        $"Signature keyId=\"{keyId ?? key.Id}\",algorithm=\"{algorithm}\","
        + (headers is null ? string.Empty : $"headers=\"{headers}\",")
        + $"signature=\"{signature}\"";

    private async Task<HttpStatusCode> SendAsync(string authorization)
    {
        using var response = await SendRawAsync(authorization);
        return response.StatusCode;
    }

    private Task<HttpResponseMessage> SendForBodyAsync(string authorization) => SendRawAsync(authorization);

    private async Task<HttpResponseMessage> SendRawAsync(string authorization, string path = Path, Dictionary<string, string>? extraHeaders = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Date", Date);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        foreach (var (name, value) in extraHeaders ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }
}
