using System.Net.Http.Headers;

namespace UserGroupClient.Http;

/// <summary>Whether a body is JSON, by its <c>Content-Type</c>; a body without one is taken as JSON.</summary>
internal static class JsonMediaType
{
    /// <summary>Whether <paramref name="headers"/> name a JSON media type (<c>application/json</c>, <c>text/json</c>, <c>…+json</c>) or none.</summary>
    public static bool Is(HttpContentHeaders headers)
    {
        // A raw header that plainly names JSON is accepted as text: parsing it into a MediaTypeHeaderValue (with its
        // parameter list) would allocate on every call. Anything else gets the parser's verdict.
        if (headers.NonValidated.TryGetValues("Content-Type", out var values) && values.Count == 1)
        {
            var raw = values.ToString().AsSpan();
            var semicolon = raw.IndexOf(';');
            var candidate = (semicolon < 0 ? raw : raw[..semicolon]).Trim();
            if (!candidate.ContainsAny(" \t,\"") && IsJson(candidate))
            {
                return true;
            }
        }

        var mediaType = headers.ContentType?.MediaType;
        return mediaType is null || IsJson(mediaType);
    }

    private static bool IsJson(ReadOnlySpan<char> mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase);
}
