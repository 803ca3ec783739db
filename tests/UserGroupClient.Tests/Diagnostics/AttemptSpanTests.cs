using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using UserGroupClient.Diagnostics;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// The client span of each HTTP attempt: named after its method, child of the caller's span, tagged with the
/// OpenTelemetry HTTP client attributes (the URL without its query or fragment), the client's name, the resend count
/// from the second attempt on, and the answer's status; an error answer or a failure without an answer is an error
/// with its type.
/// </summary>
public sealed class AttemptSpanTests
{
    private static readonly KeyValuePair<string, object?>[] RequestTags =
    [
        new("http.request.method", "GET"),
        new("url.full", Attempts.Url),
        new("server.address", "jms.example.com"),
        new("server.port", 8443),
        new("usergroupclient.client", "hr-jms"),
    ];

    [Fact]
    public void AnAnsweredAttemptIsOneClientSpanTaggedWithTheRequestAndItsStatus()
    {
        using var spans = new OperationSpans();
        using var request = Attempts.Get();
        using var response = Attempts.Json(HttpStatusCode.OK);

        new Attempts("hr-jms", NullLogger.Instance).Answered(request, response);

        var span = Assert.Single(spans.Stopped);
        Assert.Equal("GET", span.OperationName);
        Assert.Equal(UserGroupClientTelemetry.Name, span.Source.Name);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(spans.Caller.SpanId, span.ParentSpanId);
        Assert.Equal([.. RequestTags, new("http.response.status_code", 200)], span.TagObjects);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public void AResentAttemptSaysHowOftenTheRequestWasSentBefore()
    {
        using var spans = new OperationSpans();
        using var request = Attempts.Get();
        using var response = Attempts.Json(HttpStatusCode.OK);

        new Attempts("hr-jms", NullLogger.Instance).Answered(request, response, attempt: 3);

        var span = Assert.Single(spans.Stopped);
        Assert.Equal([.. RequestTags, new("http.request.resend_count", 2), new("http.response.status_code", 200)], span.TagObjects);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    [InlineData(302)]
    [InlineData(399)]
    public void AnAnswerBelow400IsNoError(int status)
    {
        using var spans = new OperationSpans();
        using var request = Attempts.Get();
        using var response = Attempts.Json((HttpStatusCode)status);

        new Attempts("hr-jms", NullLogger.Instance).Answered(request, response);

        var span = Assert.Single(spans.Stopped);
        Assert.Equal([.. RequestTags, new("http.response.status_code", status)], span.TagObjects);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(503)]
    public void AnAnswerFrom400OnIsAnErrorWhoseTypeIsItsStatus(int status)
    {
        using var spans = new OperationSpans();
        using var request = Attempts.Get();
        using var response = Attempts.Json((HttpStatusCode)status);

        new Attempts("hr-jms", NullLogger.Instance).Answered(request, response);

        var span = Assert.Single(spans.Stopped);
        Assert.Equal([.. RequestTags, new("http.response.status_code", status), new("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture))], span.TagObjects);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public void AnAttemptThatGotNoAnswerIsAnErrorWhoseTypeIsTheExceptionsFullName()
    {
        using var spans = new OperationSpans();
        using var request = Attempts.Get();

        new Attempts("hr-jms", NullLogger.Instance).Failed(request, new HttpRequestException("connection refused"));

        var span = Assert.Single(spans.Stopped);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal([.. RequestTags, new("error.type", "System.Net.Http.HttpRequestException")], span.TagObjects);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public void TheCallersSpanIsCurrentAgainOnceAnAttemptEnds()
    {
        using var spans = new OperationSpans();
        using var answered = Attempts.Get();
        using var failed = Attempts.Get();
        using var response = Attempts.Json(HttpStatusCode.OK);
        var attempts = new Attempts("hr-jms", NullLogger.Instance);

        attempts.Answered(answered, response);
        var afterAnswer = Activity.Current;
        attempts.Failed(failed, new TaskCanceledException());
        var afterFailure = Activity.Current;

        Assert.Same(spans.Caller, afterAnswer);
        Assert.Same(spans.Caller, afterFailure);
        Assert.Equal(2, spans.Stopped.Count);
    }
}
