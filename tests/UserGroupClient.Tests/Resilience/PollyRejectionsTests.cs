using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using UserGroupClient.Resilience;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// What a resilience pipeline's refusals become for the caller, whichever pipeline refused: a timeout is a
/// <see cref="TimeoutException"/> naming the request (without its query) and the time it had, an open circuit and any
/// other refusal an <see cref="HttpRequestException"/> saying so, a timeout after the caller cancelled the caller's
/// cancellation; anything else goes on as it is.
/// </summary>
public sealed class PollyRejectionsTests
{
    private static readonly Uri Address = new("https://jms.example.com:8443/api/v1/users/groups/?name=ops&token=hidden");

    [Fact]
    public void AnAttemptTimeoutIsATimeoutExceptionNamingTheRequestAndItsTime()
    {
        var timeout = new TimeoutRejectedException("attempt", TimeSpan.FromMilliseconds(1500));

        var error = Assert.IsType<TimeoutException>(PollyRejections.Translate(timeout, Request(), CancellationToken.None));

        Assert.Equal("GET https://jms.example.com:8443/api/v1/users/groups/ did not complete within 1.5 s.", error.Message);
        Assert.Same(timeout, error.InnerException);
    }

    [Fact]
    public void AnAttemptTimeoutAfterTheCallerCancelledIsTheCallersCancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var timeout = new TimeoutRejectedException("attempt", TimeSpan.FromMilliseconds(1500));

        var error = Assert.IsType<OperationCanceledException>(PollyRejections.Translate(timeout, Request(), cancelled.Token));

        Assert.Equal("The call was cancelled.", error.Message);
        Assert.Equal(cancelled.Token, error.CancellationToken);
        Assert.Same(timeout, error.InnerException);
    }

    [Fact]
    public void AnOpenCircuitIsAConnectionFailureNamingTheServer()
    {
        var broken = new BrokenCircuitException("open");

        var error = Assert.IsType<HttpRequestException>(PollyRejections.Translate(broken, Request(), CancellationToken.None));

        Assert.Equal("The circuit to https://jms.example.com:8443 is open after repeated failures; calls fail fast until it closes.", error.Message);
        Assert.Same(broken, error.InnerException);
    }

    [Fact]
    public void AnyOtherRefusalSaysTheRequestWasNotSent()
    {
        var refused = new Refused("queue full");

        var error = Assert.IsType<HttpRequestException>(PollyRejections.Translate(refused, Request(HttpMethod.Delete), CancellationToken.None));

        Assert.Equal("DELETE https://jms.example.com:8443/api/v1/users/groups/ was not sent: the resilience pipeline refused it (queue full).", error.Message);
        Assert.Same(refused, error.InnerException);
    }

    [Fact]
    public void AFailureThatIsNoRefusalGoesOnAsItIs()
    {
        Assert.Null(PollyRejections.Translate(new HttpRequestException("reset"), Request(), CancellationToken.None));
        Assert.Null(PollyRejections.Translate(new OperationCanceledException(), Request(), CancellationToken.None));
    }

    private static HttpRequestMessage Request(HttpMethod? method = null) => new(method ?? HttpMethod.Get, Address);

    /// <summary>A refusal of a strategy the SDK does not know, such as an application's rate limiter.</summary>
    private sealed class Refused(string message) : ExecutionRejectedException(message);
}
