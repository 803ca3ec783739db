namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// How the server reads a <c>{groupName}</c> path variable from the raw segment: Tomcat refuses encoded slashes and
/// backslashes (400), Spring drops <c>;…</c> matrix parameters, decodes, and — with suffix pattern matching — cuts the
/// last <c>.</c> and what follows unless a trailing slash follows the segment.
/// </summary>
internal static class KylinPathName
{
    /// <summary>Reads the name; <see langword="null"/> when Tomcat would refuse the request.</summary>
    public static string? Read(string rawSegment, bool trailingSlash)
    {
        if (rawSegment.Contains("%2F", StringComparison.OrdinalIgnoreCase) || rawSegment.Contains("%5C", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var semicolon = rawSegment.IndexOf(';', StringComparison.Ordinal);
        var name = Uri.UnescapeDataString(semicolon < 0 ? rawSegment : rawSegment[..semicolon]);
        var dot = name.LastIndexOf('.');
        return trailingSlash || dot < 0 ? name : name[..dot];
    }
}
