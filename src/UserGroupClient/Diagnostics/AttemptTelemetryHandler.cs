using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace UserGroupClient.Diagnostics;

/// <summary>
/// One span, one duration measurement and one Debug log event per HTTP attempt. It sits inside the resilience handler
/// (so it sees every attempt) and outside authentication (so credentials are never on the request it records).
/// </summary>
internal sealed class AttemptTelemetryHandler : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<int> AttemptKey = new("UserGroupClient.Attempt");

    private readonly string _clientName;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public AttemptTelemetryHandler(string clientName, ILogger logger, TimeProvider timeProvider)
    {
        _clientName = clientName;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    /// <summary>Numbers a resent copy of a request (the first attempt carries no number and counts as 1).</summary>
    internal static void SetAttempt(HttpRequestMessage request, int attempt) => request.Options.Set(AttemptKey, attempt);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        using var activity = UserGroupClientTelemetry.ActivitySource.StartActivity(request.Method.Method, ActivityKind.Client);
        if (activity is not null)
        {
            var attempt = Attempt(request);
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Path));
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("server.port", uri.Port);
            activity.SetTag("usergroupclient.client", _clientName);
            if (attempt > 1)
            {
                activity.SetTag("http.request.resend_count", attempt - 1);
            }
        }

        var started = _timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = _timeProvider.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            if (status >= 400)
            {
                activity?.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            Record(request, elapsed, status, status >= 400 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var requestHeaders = HeaderAllowList.Format(request.Headers, request.Content?.Headers);
                var responseHeaders = HeaderAllowList.Format(response.Headers, response.Content.Headers);
                var attempt = Attempt(request);
                LogEvents.AttemptCompleted(_logger, _clientName, attempt, request.Method.Method, uri.AbsolutePath, status, elapsed.TotalMilliseconds, requestHeaders, responseHeaders);
            }

            return response;
        }
        catch (Exception exception)
        {
            var elapsed = _timeProvider.GetElapsedTime(started);
            var errorType = exception.GetType().FullName ?? exception.GetType().Name;
            activity?.SetTag("error.type", errorType);
            activity?.SetStatus(ActivityStatusCode.Error);
            Record(request, elapsed, null, errorType);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var attempt = Attempt(request);
                LogEvents.AttemptFailed(_logger, _clientName, attempt, request.Method.Method, uri.AbsolutePath, elapsed.TotalMilliseconds, errorType);
            }

            throw;
        }
    }

    // Read only when a span or a log needs it: merely touching a request's options allocates them.
    private static int Attempt(HttpRequestMessage request) => request.Options.TryGetValue(AttemptKey, out var attempt) ? attempt : 1;

    private void Record(HttpRequestMessage request, TimeSpan elapsed, int? status, string? errorType)
    {
        if (!UserGroupClientTelemetry.RequestDuration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { "http.request.method", request.Method.Method },
            { "server.address", request.RequestUri!.Host },
            { "server.port", request.RequestUri.Port },
            { "usergroupclient.client", _clientName },
        };
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        UserGroupClientTelemetry.RequestDuration.Record(elapsed.TotalSeconds, tags);
    }
}
