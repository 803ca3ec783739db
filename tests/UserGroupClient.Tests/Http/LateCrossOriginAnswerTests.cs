using System.Net;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// An answer that a transport the SDK did not build delivers after the sending has returned, from another origin
/// than the one sent to, is refused when it arrives: the caller gets the SDK's exception, never the answer. A caller's
/// client whose handler moved the request and answers without naming it is judged by where it moved the request.
/// </summary>
public sealed class LateCrossOriginAnswerTests
{
    private static readonly Uri Sent = new("https://jms.example.com/api/v1/users/groups/");

    [Fact]
    public async Task AnAnswerFromAnotherOriginArrivingAfterTheSendReturnedIsRefused()
    {
        var arrival = new TaskCompletionSource<HttpResponseMessage>();
        using var invoker = new HttpMessageInvoker(new SameOriginHandler(new Pending(arrival.Task)));
        using var request = new HttpRequestMessage(HttpMethod.Get, Sent);
        var sending = invoker.SendAsync(request, CancellationToken.None);
        Assert.False(sending.IsCompleted);

        // Completed here, so that the check runs on this thread as the answer arrives.
        arrival.SetResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://login.example.org/sso/") });

        var error = await Assert.ThrowsAsync<CrossOriginRedirectException>(() => sending);
        Assert.Contains("https://login.example.org", error.Message, StringComparison.Ordinal);
        Assert.Equal(Sent, request.RequestUri);
    }

    [Fact]
    public async Task ALateAnswerOfACallersClientThatMovedTheRequestIsRefusedThoughItNamesNoRequest()
    {
        var arrival = new TaskCompletionSource<HttpResponseMessage>();
        using var callers = new HttpClient(new Moving(new Uri("https://login.example.org/sso/"), arrival.Task));
        using var invoker = new HttpMessageInvoker(new SameOriginHandler(new HttpClientSender(callers)));
        using var request = new HttpRequestMessage(HttpMethod.Get, Sent);
        var sending = invoker.SendAsync(request, CancellationToken.None);
        Assert.False(sending.IsCompleted);

        // Completed here, so that the answer is matched with the moved request on this thread as it arrives.
        arrival.SetResult(new HttpResponseMessage(HttpStatusCode.OK));

        var error = await Assert.ThrowsAsync<CrossOriginRedirectException>(() => sending);
        Assert.Contains("https://login.example.org", error.Message, StringComparison.Ordinal);
        Assert.Equal(Sent, request.RequestUri);
    }

    /// <summary>Moves the request it is given to <paramref name="landing"/>, as a redirect does, and answers late without naming it.</summary>
    private sealed class Moving(Uri landing, Task<HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = landing;
            return answer;
        }
    }

    /// <summary>Answers with whatever <paramref name="answer"/> completes with.</summary>
    private sealed class Pending(Task<HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer;
    }
}
