namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// How the server reads a <c>{groupName}</c> path variable from the raw segment: Tomcat refuses encoded slashes and
/// backslashes (400), Spring drops <c>;…</c> matrix parameters and decodes. KAP's pattern has no <c>:.+</c>, so
/// suffix pattern matching also cuts the last <c>.</c> and what follows unless a trailing slash follows the segment;
/// the other flavors keep dots.
/// </summary>
internal static class KylinPathName
{
    /// <summary>Reads the name as KAP does; <see langword="null"/> when Tomcat would refuse the request.</summary>
    public static string? Read(string rawSegment, bool trailingSlash)
    {
        var name = Decode(rawSegment);
        var dot = name?.LastIndexOf('.') ?? -1;
        return trailingSlash || dot < 0 ? name : name![..dot];
    }

    /// <summary>Reads the name keeping its dots; <see langword="null"/> when Tomcat would refuse the request.</summary>
    public static string? Decode(string rawSegment)
    {
        if (IsRefusedByTomcat(rawSegment))
        {
            return null;
        }

        var semicolon = rawSegment.IndexOf(';', StringComparison.Ordinal);
        return Uri.UnescapeDataString(semicolon < 0 ? rawSegment : rawSegment[..semicolon]);
    }

    public static bool IsRefusedByTomcat(string rawPath) =>
        rawPath.Contains("%2F", StringComparison.OrdinalIgnoreCase) || rawPath.Contains("%5C", StringComparison.OrdinalIgnoreCase);
}
