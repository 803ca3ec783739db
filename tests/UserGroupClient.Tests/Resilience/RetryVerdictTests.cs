using System.Net;
using System.Text;
using Polly;
using UserGroupClient.Kylin;
using UserGroupClient.Resilience;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// The verdicts <see cref="UserGroupResiliencePredicates"/> give an application's pipeline beyond the common cases: which
/// other methods are resent, where the dialect comes from when the request given is not a client's, and what is
/// transient when the answer cannot be read.
/// </summary>
public sealed class RetryVerdictTests
{
    private const string KylinDuplicate = """{"code":"999","data":null,"msg":"Operation failed, group:ops already exists"}""";

    [Fact]
    public async Task HeadAndOptionsAreResentLikeGet()
    {
        foreach (var method in new[] { HttpMethod.Head, HttpMethod.Options, HttpMethod.Get })
        {
            var request = Request(method);

            Assert.True(await UserGroupResiliencePredicates.ShouldRetryAsync(Outcome.FromResult(Answer(request, HttpStatusCode.ServiceUnavailable)), request));
        }
    }

    [Fact]
    public async Task WhenTheRequestGivenIsNoClientsTheAnswersRequestTellsTheDialect()
    {
        var unmarked = Request(HttpMethod.Put);
        var answer = Answer(Kylin(Request(HttpMethod.Put)), HttpStatusCode.InternalServerError, KylinDuplicate);

        Assert.False(await UserGroupResiliencePredicates.ShouldRetryAsync(Outcome.FromResult(answer), unmarked));
        Assert.False(await UserGroupResiliencePredicates.IsTransientFailureAsync(Outcome.FromResult(answer), unmarked));
    }

    [Fact]
    public async Task AnOutcomeWithNeitherAnAnswerNorAnExceptionIsNoFailure()
    {
        var get = Kylin(Request(HttpMethod.Get));
        var nothing = Outcome.FromResult<HttpResponseMessage>(null!);

        Assert.False(await UserGroupResiliencePredicates.ShouldRetryAsync(nothing, get));
        Assert.False(await UserGroupResiliencePredicates.IsTransientFailureAsync(nothing, get));
    }

    [Fact]
    public async Task AConnectionFailureOfAClientsCallIsTransient()
    {
        var put = Kylin(Request(HttpMethod.Put));
        var failure = Outcome.FromException<HttpResponseMessage>(new HttpRequestException("connection reset"));

        Assert.True(await UserGroupResiliencePredicates.ShouldRetryAsync(failure, put));
        Assert.True(await UserGroupResiliencePredicates.IsTransientFailureAsync(failure, put));
    }

    [Fact]
    public async Task AServerFailureWhoseBodyCannotBeReadIsTransient()
    {
        var put = Kylin(Request(HttpMethod.Put));
        var answer = new HttpResponseMessage(HttpStatusCode.InternalServerError) { RequestMessage = put, Content = new BrokenContent() };

        Assert.True(await UserGroupResiliencePredicates.ShouldRetryAsync(Outcome.FromResult(answer), put));
        Assert.True(await UserGroupResiliencePredicates.IsTransientFailureAsync(Outcome.FromResult(answer), put));
    }

    private static HttpRequestMessage Request(HttpMethod method) => new(method, "http://kylin.example.com/kylin/api/user_group/users/ops");

    private static HttpRequestMessage Kylin(HttpRequestMessage request)
    {
        UserGroupResiliencePredicates.Mark(request, KylinErrorMapper.Instance);
        return request;
    }

    private static HttpResponseMessage Answer(HttpRequestMessage? request, HttpStatusCode status, string body = "") =>
        new(status) { RequestMessage = request, Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>A body whose connection breaks as it is read.</summary>
    private sealed class BrokenContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            Task.FromException(new IOException("connection reset while reading the body"));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
