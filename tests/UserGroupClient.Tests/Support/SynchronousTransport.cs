using System.Net;

namespace UserGroupClient.Tests.Support;

/// <summary>A transport that, unlike the in-memory stub, also sends synchronously, as SocketsHttpHandler does.</summary>
internal sealed class SynchronousTransport : HttpMessageHandler
{
    public int Sent { get; private set; }

    public string? LastAuthorization { get; private set; }

    public string? LastSignature { get; private set; }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent++;
        LastAuthorization = request.Headers.Authorization?.ToString();
        LastSignature = request.Headers.TryGetValues("Signature", out var values) ? string.Join(",", values) : null;
        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Send(request, cancellationToken));
}
