using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace UserGroupClient.Diagnostics;

/// <summary>
/// One span, one duration measurement and one Debug log event per HTTP attempt. It sits inside the resilience handler
/// (so it sees every attempt) and outside authentication (so credentials are never on the request it records).
/// </summary>
internal sealed class AttemptTelemetryHandler : DelegatingHandler
{
    private readonly string _clientName;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public AttemptTelemetryHandler(string clientName, ILogger logger, TimeProvider timeProvider)
    {
        _clientName = clientName;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = NextAttempt(request);
        var uri = request.RequestUri!;
        using var activity = UserGroupClientTelemetry.ActivitySource.StartActivity(request.Method.Method, ActivityKind.Client);
        if (activity is not null)
        {
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
            LogEvents.AttemptFailed(_logger, _clientName, attempt, request.Method.Method, uri.AbsolutePath, elapsed.TotalMilliseconds, errorType);
            throw;
        }
    }

    // Attempts of one logical request share its options bag (resends copy it), so the count travels with them.
    private static int NextAttempt(HttpRequestMessage request)
    {
        var key = new HttpRequestOptionsKey<int>("UserGroupClient.Attempt");
        request.Options.TryGetValue(key, out var previous);
        request.Options.Set(key, previous + 1);
        return previous + 1;
    }

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
