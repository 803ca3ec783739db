using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace UserGroupClient.Http;

/// <summary>One API call before it is sent: method, path relative to the client's base address, headers, optional body (JSON unless set otherwise).</summary>
internal sealed class ApiRequest
{
    private List<KeyValuePair<string, string>>? _headers;

    // Null for JSON, the common case, which then needs no header parsing.
    private string? _mediaType;

    /// <summary>Creates a request for <paramref name="relativeUri"/>, whose segments went through <see cref="ApiUri"/>.</summary>
    public ApiRequest(HttpMethod method, string relativeUri)
    {
        Method = method;
        RelativeUri = relativeUri;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path and query, relative to the base address (no leading slash).</summary>
    public string RelativeUri { get; }

    /// <summary>The serialized body, if any.</summary>
    public byte[]? Body { get; private set; }

    /// <summary>
    /// Whether the call creates something, so that sending it twice could create it twice or fail the second time
    /// (Owl creates with PUT). The resilience pipeline never resends such a call; the facades recover a lost create by name.
    /// </summary>
    public bool CreatesResource { get; private set; }

    /// <summary>Extra headers for this call.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? [];

    /// <summary>Sets a JSON body, serialized through a source-generated contract.</summary>
    public ApiRequest WithJson<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        Body = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        _mediaType = null;
        return this;
    }

    /// <summary>Sets a body that is already encoded, with its full <c>Content-Type</c> value (a form, for an endpoint that reads no JSON).</summary>
    public ApiRequest WithContent(byte[] body, string mediaType)
    {
        Body = body;
        _mediaType = mediaType;
        return this;
    }

    /// <summary>Marks the call as one that creates something (<see cref="CreatesResource"/>).</summary>
    public ApiRequest AsCreate()
    {
        CreatesResource = true;
        return this;
    }

    /// <summary>Adds a header to this call.</summary>
    public ApiRequest WithHeader(string name, string value)
    {
        // Most calls carry two or three headers; a small first array saves the default growth steps.
        (_headers ??= new(3)).Add(new(name, value));
        return this;
    }

    /// <summary>Builds the message. The body is a <see cref="ByteArrayContent"/>, so the request can be cloned and sent again.</summary>
    public HttpRequestMessage ToMessage(Uri baseAddress)
    {
        var message = new HttpRequestMessage(Method, new Uri(baseAddress, RelativeUri));
        if (CreatesResource)
        {
            message.Options.Set(ApiRequestOptions.CreatesResourceKey, true);
        }

        if (_headers is not null)
        {
            foreach (var (name, value) in _headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.ContentType = _mediaType is null ? new MediaTypeHeaderValue("application/json") : MediaTypeHeaderValue.Parse(_mediaType);
        }

        return message;
    }
}
