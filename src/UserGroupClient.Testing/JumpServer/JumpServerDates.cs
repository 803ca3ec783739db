using System.Globalization;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>The server's date output: <c>%Y/%m/%d %H:%M:%S %z</c> in Asia/Shanghai, or in the zone named by <c>X-TZ</c>.</summary>
internal static class JumpServerDates
{
    // Shanghai has kept +08:00 without daylight saving since 1991; a fixed zone avoids depending on tzdata.
    private static readonly TimeZoneInfo Shanghai =
        TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "Asia/Shanghai", "CST");

    public static TimeZoneInfo ResolveZone(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Shanghai;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (TimeZoneNotFoundException)
        {
            return Shanghai;
        }
        catch (InvalidTimeZoneException)
        {
            return Shanghai;
        }
    }

    public static string Format(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var magnitude = offset.Duration();
        return local.ToString("yyyy'/'MM'/'dd HH':'mm':'ss", CultureInfo.InvariantCulture)
            + $" {sign}{magnitude.Hours:00}{magnitude.Minutes:00}";
    }
}
