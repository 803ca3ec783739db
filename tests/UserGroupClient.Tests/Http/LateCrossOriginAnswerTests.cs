using System.Net;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// An answer that a transport the SDK did not build delivers after the sending has returned, from another origin
/// than the one sent to, is refused when it arrives: the caller gets the SDK's exception, never the answer.
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

    /// <summary>Answers with whatever <paramref name="answer"/> completes with.</summary>
    private sealed class Pending(Task<HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer;
    }
}
