using Microsoft.Extensions.Logging;

namespace UserGroupClient.Diagnostics;

/// <summary>
/// The SDK's log events, with stable ids (1000 and up: calls; 1100 and up: the Kylin dialect). Only methods, paths,
/// statuses, durations, allow-listed headers and what a dialect detected are logged. Every event is declared in this one
/// class: the logging source generator writes several classes in an order that changes from build to build, which would
/// make the package's assembly differ between two builds of the same commit.
/// </summary>
internal static partial class LogEvents
{
    [LoggerMessage(EventId = 1000, EventName = "CallSucceeded", Level = LogLevel.Information, Message = "{Client}: {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    public static partial void CallSucceeded(ILogger logger, string client, string method, string path, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1001, EventName = "CallFailed", Level = LogLevel.Warning, Message = "{Client}: {Method} {Path} failed after {ElapsedMilliseconds:0.0} ms: {Error}")]
    public static partial void CallFailed(ILogger logger, string client, string method, string path, double elapsedMilliseconds, string error);

    [LoggerMessage(EventId = 1002, EventName = "AttemptCompleted", Level = LogLevel.Debug, Message = "{Client}: attempt {Attempt} {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms; request headers {RequestHeaders}; response headers {ResponseHeaders}")]
    public static partial void AttemptCompleted(ILogger logger, string client, int attempt, string method, string path, int statusCode, double elapsedMilliseconds, string requestHeaders, string responseHeaders);

    [LoggerMessage(EventId = 1003, EventName = "AttemptFailed", Level = LogLevel.Debug, Message = "{Client}: attempt {Attempt} {Method} {Path} failed after {ElapsedMilliseconds:0.0} ms: {ErrorType}")]
    public static partial void AttemptFailed(ILogger logger, string client, int attempt, string method, string path, double elapsedMilliseconds, string errorType);

    [LoggerMessage(EventId = 1100, EventName = "KylinFlavorDetected", Level = LogLevel.Information, Message = "{Client}: the Kylin server is {Flavor} ({Evidence})")]
    public static partial void KylinFlavorDetected(ILogger logger, string client, Kylin.KylinFlavor flavor, string evidence);
}
