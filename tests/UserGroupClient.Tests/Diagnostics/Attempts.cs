using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Diagnostics;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// One client's attempt telemetry on a clock the test moves: each attempt is started, lasts the time given, and ends
/// with its response or its failure.
/// </summary>
internal sealed class Attempts
{
    public const string Url = "https://jms.example.com:8443/api/v1/users/groups/";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly AttemptTelemetry _telemetry;

    public Attempts(string client, ILogger logger) => _telemetry = new AttemptTelemetry(client, logger, _clock);

    /// <summary>The request of an attempt: a GET of the groups, whose query and fragment (which may carry secrets) are never shown.</summary>
    public static HttpRequestMessage Get() => new(HttpMethod.Get, Url + "?search=ops&token=s3cr3t#frag");

    public static HttpResponseMessage Json(HttpStatusCode status) =>
        new(status) { Content = new StringContent("[]", Encoding.UTF8, "application/json") };

    public void Answered(HttpRequestMessage request, HttpResponseMessage response, int attempt = 1, double milliseconds = 1500)
    {
        var started = _telemetry.Start(request, attempt);
        _clock.Advance(TimeSpan.FromMilliseconds(milliseconds));
        _telemetry.Completed(started, response);
    }

    public void Failed(HttpRequestMessage request, Exception exception, int attempt = 1, double milliseconds = 1500)
    {
        var started = _telemetry.Start(request, attempt);
        _clock.Advance(TimeSpan.FromMilliseconds(milliseconds));
        _telemetry.Failed(started, exception);
    }
}
