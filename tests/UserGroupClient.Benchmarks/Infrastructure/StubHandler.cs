using System.Net;
using System.Net.Http.Headers;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>An in-memory server: answers every request with the same JSON body, with no I/O.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly byte[] _body;

    public StubHandler(byte[] body) => _body = body;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
