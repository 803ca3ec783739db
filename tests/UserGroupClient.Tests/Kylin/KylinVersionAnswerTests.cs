using System.Net;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// How Apache Kylin's answer to the probe is read (docs/wire/kylin.md §10 and "SDK"): <c>kylin.version</c> bare or
/// inside an envelope's <c>data</c>, and its major number. An answer of no supported flavor is raised with the request
/// and the answer, as a refusal is.
/// </summary>
public sealed class KylinVersionAnswerTests
{
    private static readonly Uri Probe = new("http://kylin.example.com:7070/kylin/api/admin/version");

    [Theory]
    [InlineData("""{"code":"000","data":{"kylin.version":"Apache kylin 4.0.5"},"msg":""}""", KylinFlavor.Apache4)]
    [InlineData("""{"code":"000","data":{"kylin.version":"Apache kylin 3.1.3","kylin.version.commitId":"d7a3c4f"},"msg":""}""", KylinFlavor.Apache3)]
    [InlineData("""{"kylin.version":"4.0.5"}""", KylinFlavor.Apache4)]
    public async Task TheVersionIsReadBareOrInsideTheEnvelopesData(string answer, KylinFlavor flavor)
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, answer));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        Assert.Equal(flavor, await kylin.Client.DetectFlavorAsync());
    }

    [Fact]
    public async Task TheVersionAtTheTopOfTheAnswerGoesBeforeOneInItsData()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"kylin.version":"Apache kylin 3.1.3","data":{"kylin.version":"Apache kylin 4.0.5"}}"""));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        Assert.Equal(KylinFlavor.Apache3, await kylin.Client.DetectFlavorAsync());
    }

    [Theory]
    [InlineData("Apache kylin")]
    [InlineData("Apache kylin 99999999999.0")]
    [InlineData("Apache kylin 5.0.0")]
    public async Task AVersionWithoutASupportedMajorNumberIsNamedUnsupported(string version)
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, $$"""{"kylin.version":"{{version}}"}"""));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.DetectFlavorAsync());

        Assert.Equal(
            $"Kylin: the server reports version '{version}', which the SDK does not support: of Apache Kylin it supports 3.x and 4.x (their user-group API), and Kylin 5. Set KylinClientOptions.Flavor if the server speaks one of those APIs. (GET {Probe})",
            error.Message);
        AssertAnswerFacts(error, $$"""{"kylin.version":"{{version}}"}""");
        Assert.Null(kylin.Client.DetectedFlavor);
    }

    [Theory]
    [InlineData("""{"status":"UP"}""")]
    [InlineData("""{"code":"000","data":{"status":"UP"},"msg":""}""")]
    [InlineData("""{"code":"000","data":"Apache kylin 4.0.5","msg":""}""")]
    [InlineData("""["Apache kylin 4.0.5"]""")]
    [InlineData("""{"kylin.version":4}""")]
    public async Task JsonWithoutAVersionTextCannotBeToldApart(string answer)
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, answer));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.DetectFlavorAsync());

        Assert.Equal(
            $"Kylin: the SDK cannot tell which Kylin flavor the server is: it answered GET admin/version with JSON that holds no \"kylin.version\". Check the base address, or set KylinClientOptions.Flavor to the server's flavor (Kap3, Apache3, Apache4, KyligenceEnterprise4, Kylin5). (GET {Probe})",
            error.Message);
        AssertAnswerFacts(error, answer);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task AnAnswerThatEchoesTheClientsPasswordShowsItMasked()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"status":"UP","user":"ADMIN","password":"KYLIN"}"""));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        var error = await Assert.ThrowsAsync<UserGroupUnsupportedServerException>(() => kylin.Client.DetectFlavorAsync());

        Assert.Equal("""{"status":"UP","user":"ADMIN","password":"***"}""", error.ResponseBody);
    }

    // A success carries no status the parsed answer still knows; the request and the answer are all there is.
    private static void AssertAnswerFacts(UserGroupUnsupportedServerException error, string body)
    {
        Assert.Equal("Kylin", error.Dialect);
        Assert.Null(error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Equal("GET", error.RequestMethod);
        Assert.Equal(Probe, error.RequestUri);
        Assert.Equal(body, error.ResponseBody);
    }
}
