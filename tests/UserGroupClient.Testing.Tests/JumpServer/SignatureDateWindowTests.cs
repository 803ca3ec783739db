using System.Globalization;
using System.Net;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Testing.Tests.JumpServer;

/// <summary>
/// JumpServer never checks an Access Key request's Date (docs/wire/jumpserver.md §6.3), and neither does the emulator by
/// default; <see cref="JumpServerEmulatorOptions.SignatureDateWindow"/> adds the check on the emulator's clock.
/// </summary>
public sealed class SignatureDateWindowTests
{
    private const string Path = "/api/v1/users/groups/?limit=10";
    private static readonly DateTimeOffset Now = new(2026, 7, 3, 11, 48, 25, TimeSpan.Zero);

    [Fact]
    public async Task AnyDateVerifiesByDefault()
    {
        await using var jms = await JumpServerEmulator.StartAsync(new() { TimeProvider = new ManualClock(Now) });

        Assert.Equal(HttpStatusCode.OK, await SendAsync(jms, Now.AddYears(-12)));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(jms, Now.AddYears(3)));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86400)]
    public async Task ADateOutsideTheWindowIsRefused(int offsetSeconds)
    {
        await using var jms = await JumpServerEmulator.StartAsync(new() { TimeProvider = new ManualClock(Now), SignatureDateWindow = TimeSpan.FromMinutes(5) });

        using var response = await SendForResponseAsync(jms, Now.AddSeconds(offsetSeconds));
        var body = await Wire.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("authentication_failed", (string?)body!["code"]);
        Assert.Contains("window", (string?)body["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(0)]
    [InlineData(300)]
    public async Task ADateInsideTheWindowIsAccepted(int offsetSeconds)
    {
        await using var jms = await JumpServerEmulator.StartAsync(new() { TimeProvider = new ManualClock(Now), SignatureDateWindow = TimeSpan.FromMinutes(5) });

        Assert.Equal(HttpStatusCode.OK, await SendAsync(jms, Now.AddSeconds(offsetSeconds)));
    }

    [Fact]
    public async Task ACapturedRequestVerifiesUntilTheWindowHasPassed()
    {
        var clock = new ManualClock(Now);
        await using var jms = await JumpServerEmulator.StartAsync(new() { TimeProvider = clock, SignatureDateWindow = TimeSpan.FromMinutes(5) });

        var fresh = await SendAsync(jms, Now);
        clock.Advance(TimeSpan.FromMinutes(5));
        var atTheEdge = await SendAsync(jms, Now);
        clock.Advance(TimeSpan.FromSeconds(1));
        var late = await SendAsync(jms, Now);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized], [fresh, atTheEdge, late]);
    }

    [Theory]
    [InlineData("2026-07-03T11:48:25Z")]
    [InlineData("Sat, 03 Jul 2026 11:48:25 GMT")]
    public async Task ADateThatIsNotAValidRfc1123DateIsRefusedWithTheWindow(string date)
    {
        await using var jms = await JumpServerEmulator.StartAsync(new() { TimeProvider = new ManualClock(Now), SignatureDateWindow = TimeSpan.FromMinutes(5) });

        using var response = await SendForResponseAsync(jms, date);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AWrongSignatureIsStillAnInvalidSignatureWithTheWindow()
    {
        await using var jms = await JumpServerEmulator.StartAsync(new() { TimeProvider = new ManualClock(Now), SignatureDateWindow = TimeSpan.FromMinutes(5) });

        using var response = await SendForResponseAsync(jms, Rfc1123(Now), secret: "not-the-secret");

        Assert.Equal("{\"detail\":\"Invalid signature.\",\"code\":\"authentication_failed\"}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task AWindowThatIsNotPositiveIsRefusedAtStart(int seconds) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => JumpServerEmulator.StartAsync(new() { SignatureDateWindow = TimeSpan.FromSeconds(seconds) }));

    private static string Rfc1123(DateTimeOffset date) => date.ToString("r", CultureInfo.InvariantCulture);

    private static async Task<HttpStatusCode> SendAsync(JumpServerEmulator jms, DateTimeOffset date)
    {
        using var response = await SendForResponseAsync(jms, date);
        return response.StatusCode;
    }

    private static Task<HttpResponseMessage> SendForResponseAsync(JumpServerEmulator jms, DateTimeOffset date) => SendForResponseAsync(jms, Rfc1123(date));

    private static async Task<HttpResponseMessage> SendForResponseAsync(JumpServerEmulator jms, string date, string? secret = null)
    {
        var key = jms.AddAccessKey(JumpServerEmulator.AdminUsername);
        var signature = Wire.HmacSha256(secret ?? key.Secret, $"(request-target): get {Path}\ndate: {date}");
        using var client = Wire.Client(jms);
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.TryAddWithoutValidation("Date", date);
        request.Headers.TryAddWithoutValidation("Authorization", $"Signature keyId=\"{key.Id}\",algorithm=\"hmac-sha256\",headers=\"(request-target) date\",signature=\"{signature}\"");
        return await client.SendAsync(request);
    }
}
