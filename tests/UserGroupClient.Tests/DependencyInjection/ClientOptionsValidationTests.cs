using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;

namespace UserGroupClient.Tests.DependencyInjection;

/// <summary>
/// Each dialect's options refuse what would make every call fail, naming the setting (in the message and as the
/// parameter); what is valid passes.
/// </summary>
public sealed class ClientOptionsValidationTests
{
    private static readonly Uri Https = new("https://server.example.com/");

    [Fact]
    public void EveryDialectRequiresCredentials()
    {
        AssertRefused(new JumpServerClientOptions { BaseAddress = Https }, "Credentials", "JumpServerClientOptions.Credentials is required.");
        AssertRefused(new KylinClientOptions { BaseAddress = Https }, "Credentials", "KylinClientOptions.Credentials is required.");
        AssertRefused(new MinAppClientOptions(), "Credentials", "MinAppClientOptions.Credentials is required.");
        AssertRefused(new OwlClientOptions { BaseAddress = Https }, "Credentials", "OwlClientOptions.Credentials is required.");
    }

    [Fact]
    public void TheSharedSettingsAreCheckedFirst()
    {
        AssertRefused(new OwlClientOptions(), "BaseAddress", "OwlClientOptions.BaseAddress is required.");
        AssertRefused(new KylinClientOptions { Credentials = KylinCredentials.Basic("ADMIN", "KYLIN") }, "BaseAddress", "KylinClientOptions.BaseAddress is required.");
        AssertRefused(new JumpServerClientOptions { Credentials = JumpServerCredentials.Bearer("tok") }, "BaseAddress", "JumpServerClientOptions.BaseAddress is required.");
        AssertRefused(new MinAppClientOptions { BaseAddress = null, Credentials = MinAppCredentials.AccessToken("tok") }, "BaseAddress", "MinAppClientOptions.BaseAddress is required.");
    }

    [Fact]
    public void ValidOptionsOfEveryDialectPass()
    {
        new JumpServerClientOptions { BaseAddress = Https, Credentials = JumpServerCredentials.Bearer("tok"), OrganizationId = "00000000-0000-0000-0000-000000000002", MaxPageSize = 1 }.Validate();
        new KylinClientOptions { BaseAddress = Https, Credentials = KylinCredentials.Basic("ADMIN", "KYLIN"), Project = "learn_kylin", Flavor = KylinFlavor.Kylin5 }.Validate();
        new MinAppClientOptions { Credentials = MinAppCredentials.AccessToken("tok"), EnvironmentId = "env-1" }.Validate();
        new OwlClientOptions { BaseAddress = Https, Credentials = OwlCredentials.Token("jwt") }.Validate();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void AJumpServerPageSizeCapBelowOneIsRefused(int maxPageSize) =>
        AssertRefused(
            new JumpServerClientOptions { BaseAddress = Https, Credentials = JumpServerCredentials.Bearer("tok"), MaxPageSize = maxPageSize },
            "MaxPageSize",
            "JumpServerClientOptions.MaxPageSize must be at least 1.");

    [Fact]
    public void AJumpServerOrganizationThatIsNoIdIsRefusedNamingTheSetting()
    {
        var refused = Assert.Throws<ArgumentException>(new JumpServerClientOptions { BaseAddress = Https, Credentials = JumpServerCredentials.Bearer("tok"), OrganizationId = "ops team" }.Validate);

        Assert.Equal("OrganizationId", refused.ParamName);
    }

    [Fact]
    public void AccessKeyOverPlainHttpIsAllowedWithTheOptIn()
    {
        var credentials = JumpServerCredentials.AccessKey("2a5b0e9c-1111-4222-8333-944455556666", "sk-8812");
        var options = new JumpServerClientOptions { BaseAddress = new Uri("http://jms.example.com/"), Credentials = credentials };

        var refused = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal("BaseAddress", refused.ParamName);
        Assert.StartsWith("JumpServerClientOptions.BaseAddress is plain http to a host other than this machine", refused.Message, StringComparison.Ordinal);

        options.AllowAccessKeyOverPlainHttp = true;
        options.Validate();
    }

    [Fact]
    public void OtherJumpServerCredentialsOverPlainHttpAndAccessKeysOverHttpsPass()
    {
        new JumpServerClientOptions { BaseAddress = new Uri("http://jms.example.com/"), Credentials = JumpServerCredentials.Bearer("tok") }.Validate();
        new JumpServerClientOptions { BaseAddress = Https, Credentials = JumpServerCredentials.AccessKey("2a5b0e9c-1111-4222-8333-944455556666", "sk-8812") }.Validate();
    }

    [Theory]
    [InlineData("learn\nkylin")]
    [InlineData("learn\u0000")]
    public void AKylinProjectWithAControlCharacterIsRefused(string project)
    {
        var refused = Assert.Throws<ArgumentException>(new KylinClientOptions { BaseAddress = Https, Credentials = KylinCredentials.Basic("ADMIN", "KYLIN"), Project = project }.Validate);

        Assert.Equal("Project", refused.ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(99)]
    public void AKylinFlavorThatIsNoneIsRefused(int flavor) =>
        AssertRefused(
            new KylinClientOptions { BaseAddress = Https, Credentials = KylinCredentials.Basic("ADMIN", "KYLIN"), Flavor = (KylinFlavor)flavor },
            "Flavor",
            "KylinClientOptions.Flavor is not a KylinFlavor.");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("env\r\n1")]
    [InlineData("env\u00071")]
    public void AMinAppEnvironmentThatIsBlankOrHoldsAControlCharacterIsRefused(string environmentId) =>
        AssertRefused(
            new MinAppClientOptions { Credentials = MinAppCredentials.AccessToken("tok"), EnvironmentId = environmentId },
            "EnvironmentId",
            "MinAppClientOptions.EnvironmentId must be non-blank and free of control characters, or null.");

    [Fact]
    public void MinAppCallsThePublicServerByDefault()
    {
        Assert.Equal(new Uri("https://cloud.minapp.com/"), new MinAppClientOptions().BaseAddress);
        Assert.Equal(1000, MinAppClientOptions.MaxPageSize);
    }

    [Theory]
    [InlineData("https://kylin.example.com", "https://kylin.example.com/kylin/api/")]
    [InlineData("https://kylin.example.com/", "https://kylin.example.com/kylin/api/")]
    [InlineData("https://kylin.example.com/kylin/api", "https://kylin.example.com/kylin/api/")]
    [InlineData("https://kylin.example.com/proxy/KYLIN/API/", "https://kylin.example.com/proxy/KYLIN/API/")]
    [InlineData("https://kylin.example.com/proxy", "https://kylin.example.com/proxy/kylin/api/")]
    [InlineData("https://kylin.example.com/rapid", "https://kylin.example.com/rapid/kylin/api/")]
    public void KylinPathsHangOffTheApiRootOfTheAddress(string baseAddress, string expected) =>
        Assert.Equal(new Uri(expected), new KylinClientOptions { BaseAddress = new Uri(baseAddress) }.ApiBaseAddress);

    private static void AssertRefused(UserGroupClientOptions options, string setting, string message)
    {
        var refused = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(setting, refused.ParamName);
        Assert.Equal($"{message} (Parameter '{setting}')", refused.Message);
    }
}
