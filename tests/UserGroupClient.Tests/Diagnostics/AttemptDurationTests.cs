using System.Net;
using Microsoft.Extensions.Logging.Abstractions;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// The <c>http.client.request.duration</c> measurement of each HTTP attempt: its seconds on the client's clock, tagged
/// with the method, the server, the client's name, and the answer's status or the failure's type (never the URL, whose
/// path and query would make a series per group).
/// </summary>
public sealed class AttemptDurationTests
{
    [Fact]
    public void AnAnsweredAttemptIsMeasuredInSecondsWithItsStatus()
    {
        using var durations = new AttemptDurations("measured-ok");
        using var request = Attempts.Get();
        using var response = Attempts.Json(HttpStatusCode.OK);

        new Attempts("measured-ok", NullLogger.Instance).Answered(request, response, milliseconds: 1500);

        var measured = Assert.Single(durations.Measured);
        Assert.Equal(1.5, measured.Seconds);
        Assert.Equal(
            [
                new("http.request.method", "GET"),
                new("http.response.status_code", 200),
                new("server.address", "jms.example.com"),
                new("server.port", 8443),
                new("usergroupclient.client", "measured-ok"),
            ],
            measured.Tags);
    }

    [Fact]
    public void AnErrorAnswerIsMeasuredWithItsStatusAsTheErrorType()
    {
        using var durations = new AttemptDurations("measured-404");
        using var request = Attempts.Get();
        using var response = Attempts.Json(HttpStatusCode.NotFound);

        new Attempts("measured-404", NullLogger.Instance).Answered(request, response, milliseconds: 250);

        var measured = Assert.Single(durations.Measured);
        Assert.Equal(0.25, measured.Seconds);
        Assert.Equal(
            [
                new("error.type", "404"),
                new("http.request.method", "GET"),
                new("http.response.status_code", 404),
                new("server.address", "jms.example.com"),
                new("server.port", 8443),
                new("usergroupclient.client", "measured-404"),
            ],
            measured.Tags);
    }

    [Fact]
    public void AnAttemptThatGotNoAnswerIsMeasuredWithTheExceptionsFullNameAndNoStatus()
    {
        using var durations = new AttemptDurations("measured-failed");
        using var request = Attempts.Get();

        new Attempts("measured-failed", NullLogger.Instance).Failed(request, new HttpRequestException("connection reset"), milliseconds: 40);

        var measured = Assert.Single(durations.Measured);
        Assert.Equal(0.04, measured.Seconds);
        Assert.Equal(
            [
                new("error.type", "System.Net.Http.HttpRequestException"),
                new("http.request.method", "GET"),
                new("server.address", "jms.example.com"),
                new("server.port", 8443),
                new("usergroupclient.client", "measured-failed"),
            ],
            measured.Tags);
    }

    [Fact]
    public void EachAttemptIsMeasuredOnce()
    {
        using var durations = new AttemptDurations("measured-each");
        using var first = Attempts.Get();
        using var second = Attempts.Get();
        using var third = Attempts.Get();
        using var unavailable = Attempts.Json(HttpStatusCode.ServiceUnavailable);
        using var ok = Attempts.Json(HttpStatusCode.OK);
        var attempts = new Attempts("measured-each", NullLogger.Instance);

        attempts.Failed(first, new HttpRequestException("connection reset"), attempt: 1, milliseconds: 10);
        attempts.Answered(second, unavailable, attempt: 2, milliseconds: 20);
        attempts.Answered(third, ok, attempt: 3, milliseconds: 30);

        Assert.Equal([0.01, 0.02, 0.03], durations.Measured.Select(m => m.Seconds));
    }
}
