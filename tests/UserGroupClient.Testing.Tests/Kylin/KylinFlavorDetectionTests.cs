using System.Net;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.Testing.Tests.Kylin;

/// <summary>
/// Each flavor's answer to the anonymous detection request <c>GET admin/version</c> and to KE 4's license request
/// (docs/wire/kylin.md §10): different for every flavor, never a 406, never counted against a lock.
/// </summary>
public sealed class KylinFlavorDetectionTests
{
    private const string DetectionAccept = "application/json, application/vnd.apache.kylin-v2+json";

    [Fact]
    public async Task Kap3AnswersWithItsJsonEntryPoint()
    {
        await using var kylin = await KylinEmulator.StartAsync();

        var (status, body) = await AskVersionAsync(kylin);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("999", (string?)body!["code"]);
        Assert.Equal("Full authentication is required to access this resource", (string?)body["msg"]);
        Assert.Null(body["error_code"]);
    }

    [Theory]
    [InlineData(KylinEmulatorFlavor.Apache3, "Apache kylin 3.1.3")]
    [InlineData(KylinEmulatorFlavor.Apache4, "Apache kylin 4.0.5")]
    public async Task ApacheKylinNamesItsVersion(KylinEmulatorFlavor flavor, string version)
    {
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = flavor });

        var (status, body) = await AskVersionAsync(kylin);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(version, (string?)body!["kylin.version"]);
        Assert.NotNull(body["kylin.version.commitId"]);
    }

    [Fact]
    public async Task Kylin5AnswersWithItsNewErrorCode()
    {
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.Kylin5 });
        using var anonymous = KylinWire.Client(kylin, username: null, accept: "application/vnd.apache.kylin-v4-public+json");

        var (status, body) = await AskVersionAsync(kylin);
        using var license = await anonymous.GetAsync("system/license");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("KE-010003207", (string?)body!["error_code"]);
        Assert.Equal("KE-010003207: Can't authenticate. Please login again.", (string?)body["msg"]);
        Assert.Equal(HttpStatusCode.Unauthorized, license.StatusCode);
    }

    [Fact]
    public async Task KyligenceEnterprise4AnswersWithItsOldErrorCodeAndShowsItsVersionInTheLicense()
    {
        await using var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = KylinEmulatorFlavor.KyligenceEnterprise4, Version = "Kyligence Enterprise 4.5.9.0" });
        using var anonymous = KylinWire.Client(kylin, username: null, accept: "application/vnd.apache.kylin-v4-public+json");

        var (status, body) = await AskVersionAsync(kylin);
        using var license = await anonymous.GetAsync("system/license");
        var licenseBody = await KylinWire.ReadJsonAsync(license);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("KE-010003007(User Unauthorized):Unable to authenticate. Please login again.", (string?)body!["msg"]);
        Assert.Null(body["error_code"]);
        Assert.Equal(HttpStatusCode.OK, license.StatusCode);
        Assert.Equal("000", (string?)licenseBody["code"]);
        Assert.Equal("Kyligence Enterprise 4.5.9.0", (string?)licenseBody["data"]!["ke.version"]);
    }

    private static async Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonNode? Body)> AskVersionAsync(KylinEmulator kylin)
    {
        using var anonymous = KylinWire.Client(kylin, username: null, accept: DetectionAccept);
        using var response = await anonymous.GetAsync("admin/version");
        Assert.Empty(response.Headers.WwwAuthenticate);
        return (response.StatusCode, await KylinWire.ReadJsonAsync(response));
    }
}
