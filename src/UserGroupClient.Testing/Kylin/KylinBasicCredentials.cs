using System.Net.Http.Headers;
using System.Text;

namespace UserGroupClient.Testing.Kylin;

/// <summary>Reads an HTTP Basic <c>Authorization</c> header as every Kylin flavor's Spring Security filter does.</summary>
internal static class KylinBasicCredentials
{
    /// <summary>Whether the header carries Basic credentials at all.</summary>
    public static bool IsPresent(string? authorization) =>
        AuthenticationHeaderValue.TryParse(authorization, out var header) && header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public static bool TryDecode(string? authorization, out string username, out string password)
    {
        username = password = string.Empty;
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        username = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }
}
