using System.Net;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// The check in front of a transport the SDK did not build, whether the transport answers at once or later: an answer
/// from another origin is refused (its body disposed unread, the request naming the address the SDK sent to again),
/// one from the same origin is passed on, and a transport's own failure reaches the caller as it was raised.
/// </summary>
public sealed class SameOriginAnswerTests
{
    private static readonly Uri Sent = new("https://jms.example.com/api/v1/users/groups/");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnAnswerFromAnotherOriginIsRefusedItsBodyDisposedAndTheSentAddressKept(bool later)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
        using var invoker = new HttpMessageInvoker(new SameOriginHandler(new Transport(later, request =>
        {
            request.RequestUri = new Uri("https://login.example.org:8443/sso/?next=/x");
            response.RequestMessage = request;
            return response;
        })));
        using var request = new HttpRequestMessage(HttpMethod.Get, Sent);

        var error = await Assert.ThrowsAsync<CrossOriginRedirectException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.Contains("followed a redirect to another origin (https://login.example.org:8443)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sso", error.Message, StringComparison.Ordinal);
        Assert.Equal(Sent, request.RequestUri);
        Assert.Throws<ObjectDisposedException>(() => response.Content.ReadAsStream());
    }

    [Theory]
    [InlineData(true, "http://jms.example.com/api/v1/users/groups/")]
    [InlineData(false, "http://jms.example.com/api/v1/users/groups/")]
    [InlineData(true, "https://jms.example.com:444/api/v1/users/groups/")]
    [InlineData(false, "https://jms.example.com:444/api/v1/users/groups/")]
    [InlineData(true, "https://jms.example.org/api/v1/users/groups/")]
    [InlineData(false, "https://jms.example.org/api/v1/users/groups/")]
    public async Task OnlyTheSameSchemeHostAndPortAreTheSameOrigin(bool later, string answeredFrom)
    {
        using var invoker = new HttpMessageInvoker(new SameOriginHandler(new Transport(later, request =>
            new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = new HttpRequestMessage(request.Method, answeredFrom) })));

        await Assert.ThrowsAsync<CrossOriginRedirectException>(() => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Sent), CancellationToken.None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnAnswerFromTheSameOriginIsPassedOn(bool later)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("ok") };
        using var invoker = new HttpMessageInvoker(new SameOriginHandler(new Transport(later, request =>
        {
            request.RequestUri = new Uri("https://JMS.example.com:443/moved/");
            response.RequestMessage = request;
            return response;
        })));

        using var answer = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Sent), CancellationToken.None);

        Assert.Same(response, answer);
        Assert.Equal("ok", await answer.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnAnswerThatNamesNoRequestIsTakenAsFromWhereItWasSent(bool later)
    {
        var response = new HttpResponseMessage(HttpStatusCode.NoContent);
        using var invoker = new HttpMessageInvoker(new SameOriginHandler(new Transport(later, _ => response)));

        using var answer = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Sent), CancellationToken.None);

        Assert.Same(response, answer);
    }

    [Fact]
    public async Task ATransportThatFailsAtOnceFailsTheCallWithItsOwnException()
    {
        var failure = new HttpRequestException("connection refused");
        using var invoker = new HttpMessageInvoker(new SameOriginHandler(new FailingTransport(failure)));

        var sending = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Sent), CancellationToken.None);

        Assert.Same(failure, await Assert.ThrowsAsync<HttpRequestException>(() => sending));
    }

    private sealed class Transport(bool later, Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            later ? AnswerLaterAsync(request) : Task.FromResult(answer(request));

        private async Task<HttpResponseMessage> AnswerLaterAsync(HttpRequestMessage request)
        {
            await Task.Yield();
            return answer(request);
        }
    }

    private sealed class FailingTransport(Exception failure) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(failure);
    }
}
