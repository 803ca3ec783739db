using System.Net;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>An in-memory server: answers every request with the same JSON body, with no I/O.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly byte[] _body;

    public StubHandler(byte[] body) => _body = body;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(_body);
        // As a socket delivers it: the raw header text, parsed only if someone asks.
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
