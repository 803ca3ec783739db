using System.Net;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Authentication;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Authentication;

/// <summary>The test vectors of docs/wire/jumpserver.md §8, reproduced byte for byte.</summary>
public sealed class JumpServerSignatureVectorTests
{
    private const string KeyAB = "2a5b0e9c-1111-4222-8333-944455556666";
    private const string SecretAB = "Xy7Kp2Qw9Rt4Zu8Vb3Nm6Lc1Hd5Fg0Js3Ae";
    private const string KeyC = "0753098d-810c-45fb-b42c-b27077147933";
    private const string SecretC = "a58d2530-d7ee-4390-a204-3492e44dde84";

    // The vectors' Date "Tue, 07 Jun 2014" names the wrong weekday (it was a Saturday), so no clock can produce it:
    // the header is set verbatim and the handler signs what the request carries.
    [Theory]
    [InlineData("(request-target) date", "81z8u6y3N7gTnI5biqTRFq1EVT9dGiID1Gd8mdYBDQA=")]
    [InlineData("(request-target) accept date", "YcprfFupeVzT9O5gw7vedcpsRaFLP4BSUhk4hrQxnGI=")]
    public void VectorsAAndBSignTheGroupListRequest(string headers, string expectedSignature)
    {
        using var handler = new HttpSignatureHandler(new HttpSignatureOptions
        {
            KeyId = KeyAB,
            Signer = HmacSha256SignatureSigner.FromAsciiSecret(SecretAB),
            Headers = headers.Split(' '),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://jms.example.com/api/v1/users/groups/?limit=10&offset=0");
        request.Headers.TryAddWithoutValidation("Date", "Tue, 07 Jun 2014 20:51:35 GMT");
        request.Headers.Accept.ParseAdd("application/json");

        handler.Sign(request);

        Assert.Equal(
            $"Signature keyId=\"{KeyAB}\",algorithm=\"hmac-sha256\",headers=\"{headers}\",signature=\"{expectedSignature}\"",
            request.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task VectorCIsReproducedThroughTheHandlerWithTheClock()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var handler = new HttpSignatureHandler(new HttpSignatureOptions
        {
            KeyId = KeyC,
            Signer = HmacSha256SignatureSigner.FromAsciiSecret(SecretC),
            Headers = ["(request-target)", "accept", "date", "x-jms-org"],
            TimeProvider = new FakeTimeProvider(new DateTimeOffset(2021, 4, 20, 2, 7, 55, TimeSpan.Zero)),
        })
        { InnerHandler = stub };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://jms.example.com/api/v1/users/users/?limit=1");
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("X-JMS-ORG", "00000000-0000-0000-0000-000000000002");

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        var sent = stub.Requests.Single();
        Assert.Equal("Tue, 20 Apr 2021 02:07:55 GMT", sent.Header("Date"));
        Assert.Equal(
            $"Signature keyId=\"{KeyC}\",algorithm=\"hmac-sha256\",headers=\"(request-target) accept date x-jms-org\",signature=\"MrX78lsxnxMlMYbqtvsplH6QK+2D/g9HFf7f9FyGibg=\"",
            sent.Header("Authorization"));
    }

    [Fact]
    public void SigningStringMatchesVectorA()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://jms.example.com/api/v1/users/groups/?limit=10&offset=0");
        request.Headers.TryAddWithoutValidation("Date", "Tue, 07 Jun 2014 20:51:35 GMT");

        var signingString = DraftCavageSignature.BuildSigningString(request, ["(request-target)", "date"]);

        Assert.Equal("(request-target): get /api/v1/users/groups/?limit=10&offset=0\ndate: Tue, 07 Jun 2014 20:51:35 GMT", signingString);
    }

    [Fact]
    public void SigningStringMatchesVectorC()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://jms.example.com/api/v1/users/users/?limit=1");
        request.Headers.Date = new DateTimeOffset(2021, 4, 20, 2, 7, 55, TimeSpan.Zero);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("X-JMS-ORG", "00000000-0000-0000-0000-000000000002");

        var signingString = DraftCavageSignature.BuildSigningString(request, ["(request-target)", "accept", "date", "x-jms-org"]);

        Assert.Equal(
            "(request-target): get /api/v1/users/users/?limit=1\naccept: application/json\ndate: Tue, 20 Apr 2021 02:07:55 GMT\nx-jms-org: 00000000-0000-0000-0000-000000000002",
            signingString);
    }

    [Fact]
    public async Task EveryAttemptIsDatedAndSignedAfresh()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var handler = new HttpSignatureHandler(new HttpSignatureOptions
        {
            KeyId = KeyAB,
            Signer = HmacSha256SignatureSigner.FromAsciiSecret(SecretAB),
            TimeProvider = clock,
        })
        { InnerHandler = stub };
        using var invoker = new HttpMessageInvoker(handler);

        using (var first = new HttpRequestMessage(HttpMethod.Get, "https://jms.example.com/api/v1/users/groups/"))
        {
            (await invoker.SendAsync(first, CancellationToken.None)).Dispose();
        }

        clock.Advance(TimeSpan.FromSeconds(3));
        using (var second = new HttpRequestMessage(HttpMethod.Get, "https://jms.example.com/api/v1/users/groups/"))
        {
            (await invoker.SendAsync(second, CancellationToken.None)).Dispose();
        }

        Assert.Equal("Thu, 01 Jan 2026 00:00:00 GMT", stub.Requests[0].Header("Date"));
        Assert.Equal("Thu, 01 Jan 2026 00:00:03 GMT", stub.Requests[1].Header("Date"));
        Assert.NotEqual(stub.Requests[0].Header("Authorization"), stub.Requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task TheQueryIsSignedExactlyAsItGoesOnTheWire()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 3, 11, 48, 25, TimeSpan.Zero));
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"count":0,"next":null,"previous":null,"results":[]}"""));
        using var client = new JumpServerStub(stub, JumpServerCredentials.AccessKey(KeyAB, SecretAB), o => o.TimeProvider = clock);

        await client.Client.UserGroups.ListAsync(new JumpServerGroupListOptions { Search = "ops team/été" });

        var sent = stub.Requests.Single();
        Assert.Equal("/api/v1/users/groups/?limit=100&search=ops%20team%2F%C3%A9t%C3%A9", sent.PathAndQuery);
        var expected = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.ASCII.GetBytes(SecretAB), System.Text.Encoding.ASCII.GetBytes(
            $"(request-target): get {sent.PathAndQuery}\naccept: application/json\ndate: Fri, 03 Jul 2026 11:48:25 GMT\nx-jms-org: 00000000-0000-0000-0000-000000000002"));
        Assert.Contains($"signature=\"{Convert.ToBase64String(expected)}\"", sent.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("headers=\"(request-target) accept date x-jms-org\"", sent.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("application/json", sent.Header("Accept"));
    }

    [Fact]
    public async Task TheOrganizationIsSignedByDefault()
    {
        const string Organization = "5c8d1a2e-3f4b-4c6d-8e9f-0a1b2c3d4e5f";
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 3, 11, 48, 25, TimeSpan.Zero));
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"count":0,"next":null,"previous":null,"results":[]}"""));
        using var client = new JumpServerStub(stub, JumpServerCredentials.AccessKey(KeyAB, SecretAB), o => o.TimeProvider = clock);

        await client.Client.UserGroups.WithOrganization(Organization).ListAsync();

        var sent = stub.Requests.Single();
        Assert.Equal(Organization, sent.Header("X-JMS-ORG"));
        var expected = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.ASCII.GetBytes(SecretAB), System.Text.Encoding.ASCII.GetBytes(
            $"(request-target): get {sent.PathAndQuery}\naccept: application/json\ndate: Fri, 03 Jul 2026 11:48:25 GMT\nx-jms-org: {Organization}"));
        Assert.Equal(
            $"Signature keyId=\"{KeyAB}\",algorithm=\"hmac-sha256\",headers=\"(request-target) accept date x-jms-org\",signature=\"{Convert.ToBase64String(expected)}\"",
            sent.Header("Authorization"));
    }
}
