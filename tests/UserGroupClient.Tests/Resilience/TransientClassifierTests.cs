using System.Net;
using System.Text.Json;
using Polly.Timeout;
using UserGroupClient.Http;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;
using UserGroupClient.Resilience;

namespace UserGroupClient.Tests.Resilience;

/// <summary>
/// The one classifier that both the retries and create recovery ask: it judges the exception the dialect's error mapper
/// raises for an answer, so a business error is final whatever HTTP status carried it.
/// </summary>
public sealed class TransientClassifierTests
{
    public static TheoryData<string, HttpStatusCode, string> BusinessErrors => new()
    {
        { "Kylin", HttpStatusCode.InternalServerError, """{"code":"999","data":null,"msg":"Operation failed, group:ops already exists"}""" },
        { "Kylin", HttpStatusCode.InternalServerError, """{"code":"999","data":null,"msg":"Access is denied"}""" },
        { "Kylin", HttpStatusCode.InternalServerError, """{"code":"999","data":null,"msg":"Operation failed, group:ops does not exists"}""" },
        { "Kylin", HttpStatusCode.InternalServerError, """{"code":"999","data":null,"msg":"Can not delete group ALL_USERS"}""" },
        { "Owl", HttpStatusCode.OK, """{"code":500,"message":"Error 1062: Duplicate entry 'ops' for key 'idx_name'"}""" },
        { "Owl", HttpStatusCode.OK, """{"code":403,"message":"You don't have permission to access."}""" },
        { "JumpServer", HttpStatusCode.BadRequest, """{"name":["This field must be unique."]}""" },
        { "JumpServer", HttpStatusCode.Forbidden, """{"detail":"You do not have permission to perform this action.","code":"permission_denied"}""" },
        { "MinApp", HttpStatusCode.NotFound, """{"status":"error","error_msg":"not found"}""" },
    };

    public static TheoryData<string, HttpStatusCode, string> InTransitErrors => new()
    {
        { "Kylin", HttpStatusCode.InternalServerError, """{"code":"999","data":null,"msg":"java.lang.NullPointerException"}""" },
        { "Kylin", HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>" },
        { "JumpServer", HttpStatusCode.ServiceUnavailable, "" },
        { "JumpServer", HttpStatusCode.TooManyRequests, """{"detail":"Request was throttled."}""" },
        { "Owl", HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>" },
        { "MinApp", HttpStatusCode.RequestTimeout, "" },
    };

    [Theory]
    [MemberData(nameof(BusinessErrors))]
    public void ABusinessErrorIsNeverTransientWhateverItsStatus(string dialect, HttpStatusCode status, string body)
    {
        var error = Mapper(dialect).Map(Response(status, body));

        Assert.NotEqual(typeof(UserGroupApiException), error.GetType());
        Assert.False(ApiErrorMapper.IsTransient(error));
    }

    [Theory]
    [MemberData(nameof(InTransitErrors))]
    public void AServerFailureTheDialectCannotReadAsABusinessErrorIsTransient(string dialect, HttpStatusCode status, string body)
    {
        Assert.True(ApiErrorMapper.IsTransient(Mapper(dialect).Map(Response(status, body))));
    }

    [Fact]
    public void AnOwlFailureCarriedByHttp200IsTheHandlersFinalWord()
    {
        // The handler ran to its end and said so; nothing was lost on the way.
        var error = OwlErrorMapper.Instance.Map(Response(HttpStatusCode.OK, """{"code":500,"message":"Error 1452: Cannot add or update a child row: a foreign key constraint fails"}"""));

        Assert.False(ApiErrorMapper.IsTransient(error));
    }

    [Fact]
    public void NoAnswerATimeoutOrACutSuccessBodyIsTransient()
    {
        Assert.True(ApiErrorMapper.IsTransient(new HttpRequestException("connection reset")));
        Assert.True(ApiErrorMapper.IsTransient(new TimeoutException()));
        Assert.True(ApiErrorMapper.IsTransient(new TimeoutRejectedException()));
        Assert.True(ApiErrorMapper.IsTransient(
            new UserGroupApiException("not sent", new HttpRequestException("refused")).WithRequest("Kylin", "POST", new Uri("http://kylin/"))));
        Assert.True(ApiErrorMapper.IsTransient(
            KylinErrorMapper.Instance.Malformed(Response(HttpStatusCode.OK, """{"code":"000","da"""), "cut", new JsonException("cut"))));
    }

    [Fact]
    public void CancellationAndUnreadableButCompleteAnswersAreNotTransient()
    {
        Assert.False(ApiErrorMapper.IsTransient(new OperationCanceledException()));
        Assert.False(ApiErrorMapper.IsTransient(new ArgumentException("bad id")));
        Assert.False(ApiErrorMapper.IsTransient(KylinErrorMapper.Instance.Malformed(Response(HttpStatusCode.OK, "<html/>"), "not JSON", null)));
    }

    [Fact]
    public async Task ASuccessIsNeverTransientAndItsBodyIsNotRead()
    {
        var body = new TrackedContent();
        using var success = new HttpResponseMessage(HttpStatusCode.OK) { Content = body };

        Assert.False(await TransientFailure.IsTransientAsync(Polly.Outcome.FromResult(success), KylinErrorMapper.Instance, CancellationToken.None));
    }

    private static ApiErrorMapper Mapper(string dialect) => dialect switch
    {
        "Kylin" => KylinErrorMapper.Instance,
        "Owl" => OwlErrorMapper.Instance,
        "JumpServer" => JumpServerErrorMapper.Instance,
        _ => MinAppErrorMapper.Instance,
    };

    private static ApiErrorResponse Response(HttpStatusCode status, string body) =>
        new(status, "POST", new Uri("http://server/api/"), body, ResponseBodyReader.TryParseJson(body, complete: true), null);
}
