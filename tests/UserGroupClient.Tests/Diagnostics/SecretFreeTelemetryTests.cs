using System.Net;
using Microsoft.Extensions.Logging;
using UserGroupClient.Tests.Http;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// What an attempt's span, measurement and Debug event show of a request and an answer full of secrets (a token in
/// the query and the fragment, credentials, a signature, cookies, a code in the redirect): none of them.
/// </summary>
public sealed class SecretFreeTelemetryTests
{
    private const string Secret = "s3cr3t-Xk4";

    [Fact]
    public void NoSecretOfAnAnsweredAttemptReachesItsSpanMeasurementOrLog()
    {
        using var spans = new OperationSpans();
        using var durations = new AttemptDurations("secret-free-answered");
        var logs = new LevelledLogs(LogLevel.Trace);
        using var request = Dressed();
        using var response = new HttpResponseMessage(HttpStatusCode.Found);
        response.Headers.TryAddWithoutValidation("Set-Cookie", $"sessionid={Secret}; HttpOnly");
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", $"Bearer error=\"{Secret}\"");
        response.Headers.TryAddWithoutValidation("Location", $"https://jms.example.com/callback?code={Secret}");

        new Attempts("secret-free-answered", logs).Answered(request, response);

        AssertNoSecretIn(spans, durations, logs);
    }

    [Fact]
    public void NoSecretOfAnAttemptThatGotNoAnswerReachesItsSpanMeasurementOrLog()
    {
        using var spans = new OperationSpans();
        using var durations = new AttemptDurations("secret-free-failed");
        var logs = new LevelledLogs(LogLevel.Trace);
        using var request = Dressed();

        new Attempts("secret-free-failed", logs).Failed(request, new HttpRequestException($"the proxy refused {Secret}"));

        AssertNoSecretIn(spans, durations, logs);
    }

    private static HttpRequestMessage Dressed()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Attempts.Url}?access_token={Secret}#id_token={Secret}")
        {
            Content = new StringContent($$"""{"password":"{{Secret}}"}"""),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"Signature keyId=\"{Secret}\",signature=\"{Secret}\"");
        request.Headers.TryAddWithoutValidation("Cookie", $"csrftoken={Secret}; sessionid={Secret}");
        request.Headers.TryAddWithoutValidation("X-CSRFToken", Secret);
        request.Content.Headers.TryAddWithoutValidation("Content-Digest", $"sha-256=:{Secret}:");
        return request;
    }

    private static void AssertNoSecretIn(OperationSpans spans, AttemptDurations durations, LevelledLogs logs)
    {
        var span = Assert.Single(spans.Stopped);
        var measured = Assert.Single(durations.Measured);
        var logged = Assert.Single(logs.Events);
        Assert.All(span.TagObjects, tag => Assert.DoesNotContain(Secret, Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, span.DisplayName, StringComparison.Ordinal);
        Assert.All(measured.Tags, tag => Assert.DoesNotContain(Secret, Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, logged.Message, StringComparison.Ordinal);
        Assert.Equal(Attempts.Url, span.GetTagItem("url.full"));
    }
}
