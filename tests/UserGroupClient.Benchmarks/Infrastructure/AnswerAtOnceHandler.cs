using System.Net;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>The inner handler of the signing benchmarks: answers 200 at once, so only the signing is measured.</summary>
internal sealed class AnswerAtOnceHandler : HttpMessageHandler
{
    private readonly Task<HttpResponseMessage> _response = Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => _response;
}
