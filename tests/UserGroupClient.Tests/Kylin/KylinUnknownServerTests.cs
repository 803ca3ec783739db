using System.Net;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// What the detection raises when the server's answer names no flavor the SDK supports (docs/wire/kylin.md "SDK"):
/// the message says what the server answered, and the exception keeps that answer's facts and the answer itself.
/// </summary>
public sealed class KylinUnknownServerTests
{
    private static readonly Uri Probe = new("http://kylin.example.com:7070/kylin/api/admin/version");

    [Fact]
    public async Task ARefusalWithoutKylinsEnvelopeIsNoFlavor()
    {
        var stub = new StubHandler(_ => StubHandler.Text(HttpStatusCode.Unauthorized, "<html>HTTP Status 401</html>"));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.DetectFlavorAsync());

        Assert.Equal(
            $"Kylin: the SDK cannot tell which Kylin flavor the server is: it refused GET admin/version with HTTP 401 without Kylin's JSON error envelope. Check the base address, or set KylinClientOptions.Flavor to the server's flavor (Kap3, Apache3, Apache4, KyligenceEnterprise4, Kylin5). (GET {Probe} → 401)",
            error.Message);
        AssertAnswerFacts(error, HttpStatusCode.Unauthorized, "<html>HTTP Status 401</html>");
        Assert.IsType<UserGroupAuthenticationException>(error.InnerException);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotAcceptable)]
    public async Task AnotherStatusIsNoFlavor(HttpStatusCode status)
    {
        var stub = new StubHandler(_ => StubHandler.Text(status, "<html>no Kylin here</html>"));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.DetectFlavorAsync());

        Assert.Equal(
            $"Kylin: the SDK cannot tell which Kylin flavor the server is: it answered GET admin/version with HTTP {(int)status}. Check the base address, or set KylinClientOptions.Flavor to the server's flavor (Kap3, Apache3, Apache4, KyligenceEnterprise4, Kylin5). (GET {Probe} → {(int)status})",
            error.Message);
        AssertAnswerFacts(error, status, "<html>no Kylin here</html>");
        Assert.Equal(status, Assert.IsAssignableFrom<UserGroupApiException>(error.InnerException).StatusCode);
    }

    [Fact]
    public async Task ALicenseWithoutItsReleaseIsABuildBeforeTheOpenApi()
    {
        var stub = new StubHandler(request => KylinProbeAnswers.IsProbe(request)
            ? StubHandler.Json(HttpStatusCode.Unauthorized, """{"code":"999","data":null,"msg":"KE-010001201(Unauthorized):Login first.","stacktrace":"","exception":"","url":""}""")
            : StubHandler.Json(HttpStatusCode.OK, """{"code":"000","data":{"ke.license":"Evaluation"},"msg":""}"""));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.DetectFlavorAsync());

        Assert.Equal(
            "Kylin: the server is a Kyligence Enterprise 4.x build that predates the v4-public open API (builds before mid-2020): such builds are out of the SDK's scope. Kyligence Enterprise 4.x is supported from the builds that serve the v4-public user-group API; KAP / Kyligence Enterprise 3.x, Apache Kylin 3.x/4.x and Kylin 5 are supported too. (GET http://kylin.example.com:7070/kylin/api/system/license)",
            error.Message);
        Assert.Equal("Kylin", error.Dialect);
        Assert.Null(error.StatusCode);
        Assert.Equal("""{"code":"000","data":{"ke.license":"Evaluation"},"msg":""}""", error.ResponseBody);
        Assert.Null(error.InnerException);
        Assert.Null(kylin.Client.DetectedFlavor);
    }

    [Fact]
    public async Task ALicenseRefusalIsKeptAsTheReasonForABuildBeforeTheOpenApi()
    {
        var stub = new StubHandler(request => KylinProbeAnswers.IsProbe(request)
            ? StubHandler.Json(HttpStatusCode.Unauthorized, """{"code":"999","data":null,"msg":"KE-010001201(Unauthorized):Login first.","stacktrace":"","exception":"","url":""}""")
            : StubHandler.Text(HttpStatusCode.NotFound, "<html>Not Found</html>"));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.DetectFlavorAsync());

        Assert.StartsWith("Kylin: the server is a Kyligence Enterprise 4.x build that predates the v4-public open API", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(GET http://kylin.example.com:7070/kylin/api/system/license → 404)", error.Message, StringComparison.Ordinal);
        Assert.Equal("Kylin", error.Dialect);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("<html>Not Found</html>", error.ResponseBody);
        Assert.IsType<UserGroupNotFoundException>(error.InnerException);
    }

    private static void AssertAnswerFacts(UserGroupUnsupportedServerException error, HttpStatusCode status, string body)
    {
        Assert.Equal("Kylin", error.Dialect);
        Assert.Equal(status, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Equal("GET", error.RequestMethod);
        Assert.Equal(Probe, error.RequestUri);
        Assert.Equal(body, error.ResponseBody);
    }
}
