using System.Net;
using System.Text;
using Polly;
using UserGroupClient.Http;
using UserGroupClient.Kylin;
using UserGroupClient.Resilience;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// What an application's resilience handler (<c>UseResilienceHandler</c>) learns of each attempt: the SDK's predicates
/// read the answer the way the client's dialect reads its errors, so a business error on HTTP 500 is not resent, and a
/// failure in transit reaches it as the very exception the transport raised.
/// </summary>
public sealed class HostedAttemptOutcomeTests
{
    private const string KylinDuplicate = """{"code":"999","data":null,"msg":"Operation failed, group:ops already exists"}""";
    private const string GroupUri = "http://kylin.example.com/kylin/api/user_group/users/ops";

    [Fact]
    public async Task TheApplicationsPredicatesReadAnAnswerInTheClientsDialect()
    {
        var sends = 0;
        using var invoker = Invoker(request =>
        {
            sends++;
            return new HttpResponseMessage(HttpStatusCode.InternalServerError)
            {
                RequestMessage = request,
                Content = new StringContent(KylinDuplicate, Encoding.UTF8, "application/json"),
            };
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, GroupUri);

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(1, sends);
    }

    [Fact]
    public async Task AFailureInTransitReachesTheApplicationsHandlerAsItself()
    {
        var reset = new HttpRequestException("connection reset");
        using var invoker = Invoker(_ => throw reset);
        using var request = new HttpRequestMessage(HttpMethod.Get, GroupUri);

        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.Same(reset, thrown);
    }

    private static HttpMessageInvoker Invoker(Func<HttpRequestMessage, HttpResponseMessage> transport) =>
        new(ClientPipeline.Assemble(
            ClientPipeline.CreateHostedAttemptHandler(new KylinClientOptions(), "hosted-outcomes", new RetryWhilePredicatesSay(), KylinErrorMapper.Instance, new KnownSecrets([])),
            null,
            new Transport(transport)));

    [Fact]
    public async Task ABodyCutOffInTransitReachesTheApplicationsHandlerAsAFailedAttemptToRetry()
    {
        using var invoker = Invoker(request => new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StreamContent(CutOffBodyTests.Broken("""{"name":"o""")),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, GroupUri);

        var thrown = await Assert.ThrowsAsync<UserGroupApiException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, thrown.StatusCode);
        Assert.IsType<HttpIOException>(thrown.InnerException);
        Assert.True(await UserGroupResiliencePredicates.ShouldRetryAsync(Outcome.FromException<HttpResponseMessage>(thrown), request, CancellationToken.None));
    }

    /// <summary>An application's retry that asks the SDK's predicates after each send, up to three sends.</summary>
    private sealed class RetryWhilePredicatesSay : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var send = 1; ; send++)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (send == 3 || !await UserGroupResiliencePredicates.ShouldRetryAsync(Outcome.FromResult(response), request, cancellationToken))
                {
                    return response;
                }

                response.Dispose();
            }
        }
    }

    private sealed class Transport(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(respond(request));
    }
}
