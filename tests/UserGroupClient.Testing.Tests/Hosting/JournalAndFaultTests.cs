using System.Net;
using System.Text;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Tests.JumpServer;

namespace UserGroupClient.Testing.Tests.Hosting;

/// <summary>The request journal and queued faults, which every emulator shares.</summary>
public sealed class JournalAndFaultTests
{
    [Fact]
    public async Task JournalRecordsEveryRequestAsReceivedIncludingRejectedOnes()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var jms = await JumpServerEmulator.StartAsync(new() { TimeProvider = clock });
        using var client = Wire.Client(jms);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users/groups/?x=%28&y=a+b")
        {
            Content = new StringContent("{\"name\":\"名前\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-JMS-ORG", "default");

        using var response = await client.SendAsync(request);
        var entry = Assert.Single(jms.Journal.Entries);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("POST", entry.Method);
        Assert.Equal("/api/v1/users/groups/?x=%28&y=a+b", entry.PathAndQuery);
        Assert.Equal("/api/v1/users/groups/", entry.Path);
        Assert.Equal("x=%28&y=a+b", entry.Query);
        Assert.Equal("{\"name\":\"名前\"}", entry.Body);
        Assert.Equal("default", entry.GetHeader("x-jms-org"));
        Assert.Equal(401, entry.StatusCode);
        Assert.Equal(clock.GetUtcNow(), entry.Timestamp);

        jms.Journal.Clear();
        Assert.Empty(jms.Journal.Entries);
    }

    [Fact]
    public async Task QueuedFaultAnswersMatchingRequestsOnceEachAndIsJournaled()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);
        jms.Faults.Enqueue(
            new EmulatedFault(429)
            {
                Body = "{\"detail\":\"Request was throttled.\",\"code\":\"throttled\"}",
                ContentType = "application/json",
                Headers = new Dictionary<string, string> { ["Retry-After"] = "3" },
                Method = "GET",
                PathPrefix = "/api/v1/users/groups/",
            });

        using var other = await client.GetAsync("/api/v1/users/users/");
        using var faulted = await client.GetAsync("/api/v1/users/groups/");
        using var after = await client.GetAsync("/api/v1/users/groups/");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, faulted.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), faulted.Headers.RetryAfter?.Delta);
        Assert.Equal("throttled", (string?)(await Wire.ReadJsonAsync(faulted))!["code"]);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(0, jms.Faults.Pending);
        Assert.Equal([200, 429, 200], jms.Journal.Entries.Select(entry => entry.StatusCode));
    }
}
