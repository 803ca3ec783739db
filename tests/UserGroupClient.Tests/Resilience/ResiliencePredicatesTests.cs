using System.Net;
using System.Text;
using Polly;
using UserGroupClient.Kylin;
using UserGroupClient.Resilience;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// The public verdicts a resilience pipeline of the application's asks (<see cref="UserGroupResiliencePredicates"/>):
/// the SDK's own classifier, which reads a client's answers the way its dialect reads errors.
/// </summary>
public sealed class ResiliencePredicatesTests
{
    private const string KylinDuplicate = """{"code":"999","data":null,"msg":"Operation failed, group:ops already exists"}""";

    [Fact]
    public async Task OnlyARequestThatMayBeSentTwiceIsRetried()
    {
        Assert.True(await ShouldRetryAsync(Request(HttpMethod.Get), HttpStatusCode.ServiceUnavailable));
        Assert.True(await ShouldRetryAsync(Request(HttpMethod.Delete), HttpStatusCode.BadGateway));
        Assert.True(await ShouldRetryAsync(Request(HttpMethod.Put, new ByteArrayContent([1])), HttpStatusCode.ServiceUnavailable));
        Assert.False(await ShouldRetryAsync(Request(HttpMethod.Post), HttpStatusCode.ServiceUnavailable));
        Assert.False(await ShouldRetryAsync(Request(HttpMethod.Patch), HttpStatusCode.ServiceUnavailable));
        Assert.False(await ShouldRetryAsync(Creating(Request(HttpMethod.Put)), HttpStatusCode.ServiceUnavailable));
        Assert.False(await ShouldRetryAsync(Request(HttpMethod.Put, new StreamContent(new MemoryStream([1]))), HttpStatusCode.ServiceUnavailable));
        Assert.False(await UserGroupResiliencePredicates.ShouldRetryAsync(Outcome.FromResult(Answer(null, HttpStatusCode.ServiceUnavailable)), request: null));
    }

    [Fact]
    public async Task OnlyATransientFailureIsRetried()
    {
        var get = Request(HttpMethod.Get);

        Assert.True(await UserGroupResiliencePredicates.ShouldRetryAsync(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), get));
        Assert.True(await ShouldRetryAsync(get, HttpStatusCode.TooManyRequests));
        Assert.False(await ShouldRetryAsync(get, HttpStatusCode.OK));
        Assert.False(await ShouldRetryAsync(get, HttpStatusCode.Unauthorized));
        Assert.False(await ShouldRetryAsync(get, HttpStatusCode.NotFound));
        Assert.False(await UserGroupResiliencePredicates.ShouldRetryAsync(Outcome.FromException<HttpResponseMessage>(new OperationCanceledException()), get));
    }

    [Fact]
    public async Task ABusinessErrorOnHttp500IsFinalForACallOfAClientOfItsDialect()
    {
        var put = Kylin(Request(HttpMethod.Put));

        Assert.False(await ShouldRetryAsync(put, HttpStatusCode.InternalServerError, KylinDuplicate));
        Assert.False(await UserGroupResiliencePredicates.IsTransientFailureAsync(Outcome.FromResult(Answer(put, HttpStatusCode.InternalServerError, KylinDuplicate)), put));
        Assert.True(await ShouldRetryAsync(put, HttpStatusCode.InternalServerError, """{"code":"999","data":null,"msg":"java.lang.NullPointerException"}"""));
    }

    [Fact]
    public async Task TheDialectIsTakenFromTheAnswerWhenTheRequestIsNotGiven()
    {
        var answer = Answer(Kylin(Request(HttpMethod.Put)), HttpStatusCode.InternalServerError, KylinDuplicate);

        Assert.False(await UserGroupResiliencePredicates.IsTransientFailureAsync(Outcome.FromResult(answer), request: null));
    }

    [Fact]
    public async Task WithoutADialectTheStatusAloneDecides()
    {
        var put = Request(HttpMethod.Put);

        Assert.True(await ShouldRetryAsync(put, HttpStatusCode.InternalServerError, KylinDuplicate));
    }

    [Fact]
    public async Task TheCircuitBreakerCountsTransientFailuresOfEveryMethodAndNothingElse()
    {
        var post = Request(HttpMethod.Post);

        Assert.True(await UserGroupResiliencePredicates.IsTransientFailureAsync(Outcome.FromResult(Answer(post, HttpStatusCode.ServiceUnavailable)), post));
        Assert.True(await UserGroupResiliencePredicates.IsTransientFailureAsync(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), post));
        Assert.False(await UserGroupResiliencePredicates.IsTransientFailureAsync(Outcome.FromResult(Answer(post, HttpStatusCode.Created)), post));
        Assert.False(await UserGroupResiliencePredicates.IsTransientFailureAsync(Outcome.FromResult(Answer(post, HttpStatusCode.Unauthorized)), post));
    }

    private static async Task<bool> ShouldRetryAsync(HttpRequestMessage request, HttpStatusCode status, string body = "") =>
        await UserGroupResiliencePredicates.ShouldRetryAsync(Outcome.FromResult(Answer(request, status, body)), request);

    private static HttpRequestMessage Request(HttpMethod method, HttpContent? content = null) =>
        new(method, "http://kylin.example.com/kylin/api/user_group/users/ops") { Content = content };

    private static HttpRequestMessage Creating(HttpRequestMessage request)
    {
        request.Options.Set(new HttpRequestOptionsKey<bool>(UserGroupRequestProperties.CreatesResource), true);
        return request;
    }

    private static HttpRequestMessage Kylin(HttpRequestMessage request)
    {
        UserGroupResiliencePredicates.Mark(request, KylinErrorMapper.Instance);
        return request;
    }

    private static HttpResponseMessage Answer(HttpRequestMessage? request, HttpStatusCode status, string body = "") =>
        new(status) { RequestMessage = request, Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
