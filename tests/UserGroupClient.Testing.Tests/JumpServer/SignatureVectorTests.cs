using System.Net;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Testing.Tests.JumpServer;

/// <summary>The published vectors of docs/wire/jumpserver.md §8 verify, sent with exactly the headers they were made for.</summary>
public sealed class SignatureVectorTests
{
    private const string KeyIdAb = "2a5b0e9c-1111-4222-8333-944455556666";
    private const string SecretAb = "Xy7Kp2Qw9Rt4Zu8Vb3Nm6Lc1Hd5Fg0Js3Ae";
    private const string DateAb = "Tue, 07 Jun 2014 20:51:35 GMT";

    [Fact]
    public async Task VectorAVerifies()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddAccessKey(JumpServerEmulator.AdminUsername, KeyIdAb, SecretAb);
        using var client = Wire.Client(jms);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/groups/?limit=10&offset=0");
        request.Headers.TryAddWithoutValidation("Date", DateAb);
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"Signature keyId=\"{KeyIdAb}\",algorithm=\"hmac-sha256\",headers=\"(request-target) date\",signature=\"81z8u6y3N7gTnI5biqTRFq1EVT9dGiID1Gd8mdYBDQA=\"");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task VectorBVerifies()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddAccessKey(JumpServerEmulator.AdminUsername, KeyIdAb, SecretAb);
        using var client = Wire.Client(jms);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/groups/?limit=10&offset=0");
        request.Headers.TryAddWithoutValidation("Date", DateAb);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"Signature keyId=\"{KeyIdAb}\",algorithm=\"hmac-sha256\",headers=\"(request-target) accept date\",signature=\"YcprfFupeVzT9O5gw7vedcpsRaFLP4BSUhk4hrQxnGI=\"");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task VectorCVerifiesWithTheHeaderAsHttpsigWritesIt()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var key = jms.AddAccessKey(JumpServerEmulator.AdminUsername, "0753098d-810c-45fb-b42c-b27077147933", "a58d2530-d7ee-4390-a204-3492e44dde84");
        using var client = Wire.Client(jms);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/users/?limit=1");
        request.Headers.TryAddWithoutValidation("Date", "Tue, 20 Apr 2021 02:07:55 GMT");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("X-JMS-ORG", JumpServerEmulator.DefaultOrganizationId);
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            "Signature keyId=\"0753098d-810c-45fb-b42c-b27077147933\",algorithm=\"hmac-sha256\",signature=\"MrX78lsxnxMlMYbqtvsplH6QK+2D/g9HFf7f9FyGibg=\",headers=\"(request-target) accept date x-jms-org\"");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Wire.ReadJsonAsync(response);
        Assert.Equal(key.UserId, (string?)body!["results"]![0]!["id"]);
    }

    [Fact]
    public void AccessKeyToStringHidesTheSecret()
    {
        var key = new JumpServerEmulatedAccessKey(KeyIdAb, SecretAb, "admin", "u", IsActive: true, ["*"]);

        Assert.DoesNotContain(SecretAb, key.ToString(), StringComparison.Ordinal);
        Assert.Contains(KeyIdAb, key.ToString(), StringComparison.Ordinal);
    }
}
