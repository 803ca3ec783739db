using Microsoft.Extensions.Logging;

namespace UserGroupClient.Kylin;

/// <summary>The Kylin dialect's own log events (ids 1100 and up, beside the SDK's call events).</summary>
internal static partial class KylinLog
{
    [LoggerMessage(EventId = 1100, EventName = "KylinFlavorDetected", Level = LogLevel.Information, Message = "{Client}: the Kylin server is {Flavor} ({Evidence})")]
    public static partial void FlavorDetected(ILogger logger, string client, KylinFlavor flavor, string evidence);
}
