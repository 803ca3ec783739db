using System.Net;
using Microsoft.Extensions.Logging;
using UserGroupClient.Tests.Http;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// The Debug event of each HTTP attempt: the client's name, the attempt's number, method and path (never the query),
/// then the answer's status, duration and allow-listed headers, or the failure's duration and type; nothing when the
/// logger leaves Debug out.
/// </summary>
public sealed class AttemptLogTests
{
    private const string Path = "/api/v1/users/groups/";

    [Fact]
    public void AnAnsweredAttemptIsLoggedAtDebugWithItsStatusDurationAndHeaders()
    {
        var logs = new LevelledLogs(LogLevel.Debug);
        using var request = Attempts.Get();
        request.Headers.Accept.ParseAdd("application/json");
        using var response = Attempts.Json(HttpStatusCode.NotFound);

        new Attempts("hr-jms", logs).Answered(request, response, attempt: 2, milliseconds: 1500);

        Assert.Equal(
            new LoggedEvent(LogLevel.Debug, 1002, $"hr-jms: attempt 2 GET {Path} answered 404 in 1500.0 ms; request headers Accept: application/json; response headers Content-Type: application/json; charset=utf-8"),
            Assert.Single(logs.Events));
    }

    [Fact]
    public void AnAttemptThatGotNoAnswerIsLoggedAtDebugWithItsDurationAndTheExceptionsFullName()
    {
        var logs = new LevelledLogs(LogLevel.Debug);
        using var request = Attempts.Get();

        new Attempts("hr-jms", logs).Failed(request, new HttpRequestException("connection refused"), attempt: 3, milliseconds: 250);

        Assert.Equal(
            new LoggedEvent(LogLevel.Debug, 1003, $"hr-jms: attempt 3 GET {Path} failed after 250.0 ms: System.Net.Http.HttpRequestException"),
            Assert.Single(logs.Events));
    }

    [Fact]
    public void NoAttemptIsLoggedWhenTheLoggerLeavesDebugOut()
    {
        var logs = new LevelledLogs(LogLevel.Information);
        using var answered = Attempts.Get();
        using var failed = Attempts.Get();
        using var response = Attempts.Json(HttpStatusCode.InternalServerError);
        var attempts = new Attempts("hr-jms", logs);

        attempts.Answered(answered, response);
        attempts.Failed(failed, new HttpRequestException("connection refused"));

        Assert.Empty(logs.Events);
    }
}
