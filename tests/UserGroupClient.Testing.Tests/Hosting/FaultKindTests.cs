using System.Net;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Tests.JumpServer;

namespace UserGroupClient.Testing.Tests.Hosting;

/// <summary>What each fault kind does on the wire and to the emulator's state; every emulator shares this host.</summary>
public sealed class FaultKindTests
{
    private const string Groups = "/api/v1/users/groups/";

    [Theory]
    [InlineData(EmulatedFaultKind.InternalServerError, 500, "text/plain")]
    [InlineData(EmulatedFaultKind.BadGateway, 502, "text/plain")]
    [InlineData(EmulatedFaultKind.ServiceUnavailable, 503, "text/plain")]
    [InlineData(EmulatedFaultKind.HtmlErrorPage, 502, "text/html")]
    public async Task StatusFaultsAnswerBeforeTheHandlerAndLeaveStateUntouched(EmulatedFaultKind kind, int status, string mediaType)
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);
        jms.Faults.Enqueue(EmulatedFault.Create(kind));

        using var response = await client.PostAsync(Groups, Wire.Json("{\"name\":\"ops\"}"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(jms.GetGroups(), g => g.Name == "ops");
        var entry = Assert.Single(jms.Journal.Entries);
        Assert.Equal(status, entry.StatusCode);
        Assert.Equal(kind, entry.Fault?.Kind);
        Assert.False(entry.Fault!.RunsHandler);
    }

    [Fact]
    public async Task RateLimitedSendsRetryAfterInWholeSeconds()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);
        jms.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.RateLimited, retryAfter: TimeSpan.FromMilliseconds(1500)));

        using var response = await client.GetAsync(Groups);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task ConnectionResetSendsNothingAndDoesNotRunTheHandler()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);
        jms.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ConnectionReset, method: "POST"));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(Groups, Wire.Json("{\"name\":\"ops\"}")));

        Assert.DoesNotContain(jms.GetGroups(), g => g.Name == "ops");
        var entry = Assert.Single(jms.Journal.Entries);
        Assert.Equal(0, entry.StatusCode);
        Assert.Equal(EmulatedFaultKind.ConnectionReset, entry.Fault?.Kind);
    }

    [Fact]
    public async Task ResponseLostRunsTheHandlerThenResetsTheConnection()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);
        jms.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ResponseLost));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(Groups, Wire.Json("{\"name\":\"ops\"}")));

        Assert.Contains(jms.GetGroups(), g => g.Name == "ops");
        var entry = Assert.Single(jms.Journal.Entries);
        Assert.Equal(201, entry.StatusCode);
        Assert.True(entry.Fault!.RunsHandler);
        Assert.Equal("POST /api/v1/users/groups/ -> 201 (ResponseLost)", entry.ToString());
    }

    [Fact]
    public async Task TruncatedBodyRunsTheHandlerAndSendsHalfItsJsonCorrectlyFramed()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);
        jms.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.TruncatedBody));

        using var response = await client.PostAsync(Groups, Wire.Json("{\"name\":\"ops\"}"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("{", body, StringComparison.Ordinal);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.Nodes.JsonNode.Parse(body));
        Assert.Contains(jms.GetGroups(), g => g.Name == "ops");
    }

    [Fact]
    public async Task IncompleteBodyPromisesMoreThanItSendsThenCloses()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddGroup("ops");
        using var client = Wire.AdminClient(jms);
        jms.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.IncompleteBody));

        using var response = await client.GetAsync(Groups, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => response.Content.ReadAsStringAsync());
        Assert.Equal(HttpRequestError.ResponseEnded, Assert.IsType<HttpIOException>(failure.InnerException).HttpRequestError);
        Assert.Equal(EmulatedFaultKind.IncompleteBody, Assert.Single(jms.Journal.Entries).Fault?.Kind);
    }

    [Fact]
    public async Task StallEndsAsSoonAsTheClientGivesUp()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);
        jms.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.Stall, stallDuration: TimeSpan.FromMinutes(10)));
        using var giveUp = new CancellationTokenSource();
        var request = client.GetAsync(Groups, giveUp.Token);

        // The client gives up only once the server holds the request (its fault was taken), however slow the start.
        for (var i = 0; i < 400 && jms.Faults.Pending > 0; i++)
        {
            await Task.Delay(25);
        }

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        // The journal entry is written when the held request ends; with a ten-minute stall it only appears if the abort ended it.
        for (var i = 0; i < 200 && jms.Journal.Entries.Count == 0; i++)
        {
            await Task.Delay(25);
        }

        var entry = Assert.Single(jms.Journal.Entries);
        Assert.Equal(504, entry.StatusCode);
        Assert.Equal(EmulatedFaultKind.Stall, entry.Fault?.Kind);
    }

    [Fact]
    public void CreateRefusesResponseAndBadArguments()
    {
        Assert.Throws<ArgumentException>(() => EmulatedFault.Create(EmulatedFaultKind.Response));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatedFault.Create(EmulatedFaultKind.RateLimited, retryAfter: TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatedFault.Create(EmulatedFaultKind.Stall, stallDuration: TimeSpan.Zero));
        Assert.Equal(EmulatedFaultKind.Response, new EmulatedFault(418).Kind);
    }
}
