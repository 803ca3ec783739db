using System.Net;
using UserGroupClient.Authentication;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Authentication;

/// <summary>
/// What <see cref="BearerTokenHandler"/> puts on each request, and when it asks its provider for a new token: only on
/// a 401 to a request it can send again, once, and only resending when the token changed.
/// </summary>
public sealed class BearerTokenRenewalTests
{
    [Fact]
    public void AMissingProviderOrABlankSchemeIsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => new BearerTokenHandler(null!));
        Assert.Throws<ArgumentException>(() => new BearerTokenHandler(new StaticTokenProvider("t"), " "));
        Assert.Throws<ArgumentNullException>(() => new BearerTokenHandler(new StaticTokenProvider("t"), null!));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EachRequestCarriesTheTokenTheProviderGivesNow(bool slowProvider)
    {
        var provider = new ScriptedProvider(slowProvider, "first", "first", "second");
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(provider) { InnerHandler = stub });

        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x");
            using var response = await invoker.SendAsync(request, CancellationToken.None);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(["Bearer first", "Bearer first", "Bearer second"], stub.Requests.Select(r => r.Header("Authorization")));
        Assert.Equal(0, provider.Refreshes);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.OK, true)]
    [InlineData(HttpStatusCode.Forbidden, true)]
    public async Task AnAnswerOtherThan401NeverAsksForANewToken(HttpStatusCode status, bool slowProvider)
    {
        var provider = new ScriptedProvider(slowProvider, "t1") { Renewed = "t2" };
        var stub = new StubHandler(_ => new HttpResponseMessage(status));
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(provider) { InnerHandler = stub });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(status, response.StatusCode);
        Assert.Single(stub.Requests);
        Assert.Equal(0, provider.Refreshes);
    }

    [Fact]
    public async Task ATokenThatArrivesLaterIsRenewedOnA401AndTheRequestResent()
    {
        var provider = new ScriptedProvider(slow: true, "t1") { Renewed = "t2" };
        var stub = new StubHandler((_, index) => new HttpResponseMessage(index == 0 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(provider, "Token") { InnerHandler = stub });
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://example.com/x") { Content = new ByteArrayContent("{}"u8.ToArray()) };

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Token t1", "Token t2"], stub.Requests.Select(r => r.Header("Authorization")));
        Assert.Equal(["{}", "{}"], stub.Requests.Select(r => r.Body));
        Assert.Equal(["t1"], provider.Rejected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A401ToABodyThatCannotBeSentAgainIsReturnedWithoutRenewing(bool slowProvider)
    {
        var provider = new ScriptedProvider(slowProvider, "t1") { Renewed = "t2" };
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Unauthorized, """{"detail":"expired"}"""));
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(provider) { InnerHandler = stub });
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.com/x") { Content = new StreamContent(new MemoryStream("{}"u8.ToArray())) };

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(stub.Requests);
        Assert.Equal(0, provider.Refreshes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARenewalThatGivesTheSameTokenReturnsTheRefusalStillReadable(bool slowProvider)
    {
        var provider = new ScriptedProvider(slowProvider, "t1") { Renewed = new string("t1".AsSpan()) };
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Unauthorized, """{"detail":"expired"}"""));
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(provider) { InnerHandler = stub });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"detail":"expired"}""", await response.Content.ReadAsStringAsync());
        Assert.Single(stub.Requests);
        Assert.Equal(1, provider.Refreshes);
    }

    [Fact]
    public async Task AfterARenewalTheNextRequestCarriesTheNewToken()
    {
        var provider = new ScriptedProvider(slow: false, "t1", "t2") { Renewed = "t2" };
        var stub = new StubHandler((_, index) => new HttpResponseMessage(index == 0 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(provider) { InnerHandler = stub });

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x");
            using var response = await invoker.SendAsync(request, CancellationToken.None);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(["Bearer t1", "Bearer t2", "Bearer t2"], stub.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task ARequestWaitsForATokenStillOnItsWay()
    {
        var arriving = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(new PendingProvider(arriving.Task)) { InnerHandler = stub });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x");

        var sending = invoker.SendAsync(request, CancellationToken.None);
        Assert.Empty(stub.Requests);
        arriving.SetResult(new AccessToken("late"));
        using var response = await sending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer late", Assert.Single(stub.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task TheRefusalAnsweredBeforeARenewedResendIsDisposed()
    {
        var provider = new ScriptedProvider(slow: false, "t1") { Renewed = "t2" };
        var answers = new List<HttpResponseMessage>();
        var stub = new StubHandler((_, index) =>
        {
            var answer = StubHandler.Json(index == 0 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, "{}");
            answers.Add(answer);
            return answer;
        });
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(provider) { InnerHandler = stub });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Same(answers[1], response);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => answers[0].Content.ReadAsStringAsync());
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Gives one token once the test hands it over.</summary>
    private sealed class PendingProvider(Task<AccessToken> token) : ITokenProvider
    {
        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default) => new(token);

        public ValueTask<AccessToken> RefreshTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default) => new(token);
    }

    /// <summary>Gives the scripted tokens in turn (the last one from then on), at once or after a yield.</summary>
    private sealed class ScriptedProvider(bool slow, params string[] tokens) : ITokenProvider
    {
        private readonly List<string> _rejected = [];
        private int _next;

        public string Renewed { get; init; } = "renewed";

        public int Refreshes => _rejected.Count;

        public IReadOnlyList<string> Rejected => _rejected;

        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default)
        {
            // A fresh string each time, as a provider that reads its token anew would give.
            var token = new AccessToken(new string(tokens[Math.Min(_next++, tokens.Length - 1)].AsSpan()));
            return slow ? Later(token) : ValueTask.FromResult(token);
        }

        public ValueTask<AccessToken> RefreshTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default)
        {
            _rejected.Add(rejected.Value);
            var token = new AccessToken(Renewed);
            return slow ? Later(token) : ValueTask.FromResult(token);
        }

        private static async ValueTask<AccessToken> Later(AccessToken token)
        {
            await Task.Yield();
            return token;
        }
    }
}
