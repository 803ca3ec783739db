namespace UserGroupClient.Http;

/// <summary>
/// Copies a request so it can be sent again (a resend after a token refresh, a retry): an HttpClient refuses to send
/// one message twice. Only bodies that can be read again are supported.
/// </summary>
internal static class HttpRequestCloner
{
    /// <summary>Whether <paramref name="request"/>'s body can be sent a second time.</summary>
    public static bool CanClone(HttpRequestMessage request) => request.Content is null or ByteArrayContent;

    /// <summary>
    /// Copies method, URI, version, headers and options; the body is shared, not copied, so the clone must not be
    /// disposed (that would dispose the original's body too). Nothing else in a request needs disposing.
    /// </summary>
    public static HttpRequestMessage Clone(HttpRequestMessage request)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
            Content = request.Content,
        };
        // The raw values: enumerating the headers themselves would parse every value, only to print it again.
        foreach (var header in request.Headers.NonValidated)
        {
            foreach (var value in header.Value)
            {
                clone.Headers.TryAddWithoutValidation(header.Key, value);
            }
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)clone.Options)[option.Key] = option.Value;
        }

        return clone;
    }
}
