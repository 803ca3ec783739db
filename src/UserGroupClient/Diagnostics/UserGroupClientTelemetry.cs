using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace UserGroupClient.Diagnostics;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <see cref="Name"/>: a span per facade
/// operation and per HTTP attempt (OpenTelemetry HTTP client attribute names), the <c>http.client.request.duration</c>
/// histogram (seconds) and the <c>usergroupclient.client.retries</c> counter.
/// </summary>
public static class UserGroupClientTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "UserGroupClient";

    private static readonly string? Version = typeof(UserGroupClientTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource ActivitySource = new(Name, Version);

    internal static readonly Meter Meter = new(Name, Version);

    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "http.client.request.duration", "s", "Duration of HTTP attempts the SDK sent.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "usergroupclient.client.retries", "{retry}", "Attempts resent by the resilience pipeline.");

    internal static void RecordRetry(string clientName, int attempt) =>
        Retries.Add(1, new KeyValuePair<string, object?>("usergroupclient.client", clientName), new KeyValuePair<string, object?>("http.request.resend_count", attempt));
}
