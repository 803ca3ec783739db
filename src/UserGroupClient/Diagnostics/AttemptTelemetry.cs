using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace UserGroupClient.Diagnostics;

/// <summary>
/// One span, one duration measurement and one Debug log event per HTTP attempt. Whatever sends the attempts calls it
/// around each one, inside the resilience pipeline (so it sees every attempt) and outside authentication (so
/// credentials are never on the request it records).
/// </summary>
internal sealed class AttemptTelemetry
{
    private readonly string _clientName;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public AttemptTelemetry(string clientName, ILogger logger, TimeProvider timeProvider)
    {
        _clientName = clientName;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    /// <summary>Opens the attempt's span (when anyone listens) and starts its clock.</summary>
    /// <param name="request">The attempt's request.</param>
    /// <param name="attempt">The 1-based attempt number.</param>
    public Attempt Start(HttpRequestMessage request, int attempt)
    {
        var activity = UserGroupClientTelemetry.ActivitySource.StartActivity(request.Method.Method, ActivityKind.Client);
        if (activity is not null)
        {
            var uri = request.RequestUri!;
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

        // The clock is read only for what uses the duration: a reading costs more than the rest of an idle attempt's
        // telemetry on some virtual machines.
        var timed = UserGroupClientTelemetry.RequestDuration.Enabled || _logger.IsEnabled(LogLevel.Debug);
        return new Attempt(request, attempt, activity, timed ? _timeProvider.GetTimestamp() : null);
    }

    /// <summary>Records an attempt that got a response, and ends its span.</summary>
    public void Completed(in Attempt attempt, HttpResponseMessage response)
    {
        var elapsed = Elapsed(attempt);
        var status = (int)response.StatusCode;
        var errorType = status >= 400 ? status.ToString(CultureInfo.InvariantCulture) : null;
        if (attempt.Activity is { } activity)
        {
            activity.SetTag("http.response.status_code", status);
            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error);
            }

            activity.Dispose();
        }

        if (elapsed is not { } duration)
        {
            return;
        }

        Record(attempt.Request, duration, status, errorType);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var request = attempt.Request;
            var requestHeaders = HeaderAllowList.Format(request.Headers, request.Content?.Headers);
            var responseHeaders = HeaderAllowList.Format(response.Headers, response.Content.Headers);
            LogEvents.AttemptCompleted(_logger, _clientName, attempt.Number, request.Method.Method, request.RequestUri!.AbsolutePath, status, duration.TotalMilliseconds, requestHeaders, responseHeaders);
        }
    }

    /// <summary>Records an attempt that failed without a response, and ends its span.</summary>
    public void Failed(in Attempt attempt, Exception exception)
    {
        var elapsed = Elapsed(attempt);
        var errorType = exception.GetType().FullName ?? exception.GetType().Name;
        if (attempt.Activity is { } activity)
        {
            activity.SetTag("error.type", errorType);
            activity.SetStatus(ActivityStatusCode.Error);
            activity.Dispose();
        }

        if (elapsed is not { } duration)
        {
            return;
        }

        Record(attempt.Request, duration, null, errorType);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var request = attempt.Request;
            LogEvents.AttemptFailed(_logger, _clientName, attempt.Number, request.Method.Method, request.RequestUri!.AbsolutePath, duration.TotalMilliseconds, errorType);
        }
    }

    // Unknown when nothing used the duration as the attempt began (a listener or Debug logging that came later).
    private TimeSpan? Elapsed(in Attempt attempt) => attempt.Started is { } started ? _timeProvider.GetElapsedTime(started) : null;

    // A histogram nobody listens to drops what it is given: an attempt timed only for Debug logging is recorded to no one.
    private void Record(HttpRequestMessage request, TimeSpan elapsed, int? status, string? errorType)
    {
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

    /// <summary>An attempt under way: its request, number, span, and its start when timed.</summary>
    internal readonly record struct Attempt(HttpRequestMessage Request, int Number, Activity? Activity, long? Started);
}
