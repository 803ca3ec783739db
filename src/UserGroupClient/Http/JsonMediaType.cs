using System.Net.Http.Headers;

namespace UserGroupClient.Http;

/// <summary>Whether a body is JSON, by its <c>Content-Type</c>; a body without one is taken as JSON.</summary>
internal static class JsonMediaType
{
    /// <summary>Whether <paramref name="headers"/> name a JSON media type (<c>application/json</c>, <c>text/json</c>, <c>…+json</c>) or none.</summary>
    public static bool Is(HttpContentHeaders headers)
    {
        // A single raw value that plainly names JSON is accepted as text: parsing it into a MediaTypeHeaderValue (with
        // its parameter list) would allocate on every call. Anything else gets the parser's verdict, which the text
        // check only anticipates: where the parser reads a media type, it is the text before the first ';' (with any
        // blanks around its '/' dropped). Of several values the parser takes the first it can read.
        // Stryker disable once String : a header the text check does not find gets the parser's verdict, which is the same
        if (headers.NonValidated.TryGetValues("Content-Type", out var values) && values.Count == 1)
        {
            var raw = values.ToString().AsSpan();
            var parts = raw.Split(';');
            // Stryker disable once Statement : without it the text check sees no media type and leaves the verdict to the parser, which is the same
            parts.MoveNext();
            if (IsJson(raw[parts.Current].Trim()))
            {
                return true;
            }
        }

        // A value the parser cannot read is taken as JSON, as a missing one is: the body decides, and a JSON body
        // behind a malformed header (a trailing ';', a value repeated in one line) is still read.
        var mediaType = headers.ContentType?.MediaType;
        return mediaType is null || IsJson(mediaType);
    }

    private static bool IsJson(ReadOnlySpan<char> mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase);
}
