using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace UserGroupClient.Http;

/// <summary>
/// Refit's System.Text.Json serializer over a source-generated context, except that a UTF-8 body the call handler has
/// already read (<see cref="ContentBuffer"/>) is parsed from its bytes at once. Refit's own would read it again
/// through a stream, an asynchronous parse and a typed read of <c>Content-Type</c> for its charset, all for an answer
/// that is already in memory. Everything else (request bodies, a body in another charset, streamed pages) is Refit's
/// serializer's, unchanged.
/// </summary>
internal sealed class BufferedJsonSerializer : IHttpContentSerializer, IStreamingContentSerializer, ISynchronousContentSerializer, ISynchronousContentDeserializer
{
    private readonly SystemTextJsonContentSerializer _refit;
    private readonly JsonSerializerOptions _options;

    public BufferedJsonSerializer(JsonSerializerContext json)
    {
        _refit = SystemTextJsonContentSerializer.ForContext(json);
        _options = json.Options;
    }

    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        if (content is not ContentBuffer.PooledContent buffered || NamesAnotherCharset(content.Headers))
        {
            return _refit.FromHttpContentAsync<T>(content, cancellationToken);
        }

        // A stream reader skips a byte order mark; the span reader would take it for JSON. A body that is not JSON of
        // the type throws at once: Refit calls this from an async method of its own, which takes that as a failed task.
        var body = buffered.Bytes.AsSpan();
        var json = body.StartsWith("\uFEFF"u8) ? body[3..] : body;
        return Task.FromResult(JsonSerializer.Deserialize(json, (JsonTypeInfo<T>)_options.GetTypeInfo(typeof(T))));
    }

    public HttpContent ToHttpContent<T>(T item) => _refit.ToHttpContent(item);

    public HttpContent ToHttpContentSynchronous<T>(T item) => _refit.ToHttpContentSynchronous(item);

    public HttpContent ToStreamingHttpContent<T>(T item) => _refit.ToStreamingHttpContent(item);

    public T? DeserializeFromString<T>(string content) => _refit.DeserializeFromString<T>(content);

    public IAsyncEnumerable<T?> DeserializeStreamAsync<T>(Stream stream, StreamingContentFormat format, CancellationToken cancellationToken = default) =>
        _refit.DeserializeStreamAsync<T>(stream, format, cancellationToken);

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => _refit.GetFieldNameForProperty(propertyInfo);

    // Whether the raw Content-Type names a charset other than UTF-8 (a typed read would parse it under HttpHeaders'
    // lock); without one a JSON body is UTF-8 (RFC 8259). Saying so of a UTF-8 body only sends it to Refit's serializer,
    // which reads it the same, more slowly: the marks below are such cases.
    private static bool NamesAnotherCharset(HttpContentHeaders headers)
    {
        if (headers.NonValidated.TryGetValues("Content-Type", out var values))
        {
            foreach (var value in values)
            {
                foreach (var range in value.AsSpan().Split(';'))
                {
                    // Stryker disable once Boolean : negated, the first parameter that is no charset sends the body to Refit's serializer; a value that starts with a charset has no media type, and Refit's serializer reads it as UTF-8 too
                    if (IsAnotherCharset(value.AsSpan()[range].Trim()))
                    {
                        return true;
                    }
                }
            }
        }

        // Stryker disable once Boolean : every body would go to Refit's serializer, which reads UTF-8 the same
        return false;
    }

    private static bool IsAnotherCharset(ReadOnlySpan<char> parameter) =>
        // Stryker disable once String,Logical : each mutant takes more parameters for another charset, which only sends UTF-8 bodies to Refit's serializer
        parameter.StartsWith("charset=", StringComparison.OrdinalIgnoreCase) && !parameter["charset=".Length..].Trim().Equals("utf-8", StringComparison.OrdinalIgnoreCase);
}
