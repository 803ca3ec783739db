using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;

namespace UserGroupClient.Tests.DependencyInjection;

/// <summary>
/// The <c>Credentials</c> section of a client's configuration: its <c>Type</c> (any case) picks the dialect's
/// credentials factory, which reads the keys it requires; what is missing, empty or unknown fails naming the key.
/// </summary>
public sealed class CredentialsConfigurationTests
{
    private const string KeyId = "2a5b0e9c-1111-4222-8333-944455556666";

    [Theory]
    [InlineData("AccessKey", "KeyId", KeyId, "Secret", "sk-live-8812", "JumpServerCredentials.AccessKey(2a5b0e9c-1111-4222-8333-944455556666, ***)")]
    [InlineData("accesskey", "KeyId", KeyId, "Secret", "sk-live-8812", "JumpServerCredentials.AccessKey(2a5b0e9c-1111-4222-8333-944455556666, ***)")]
    [InlineData("Signature", "KeyId", KeyId, "PrivateKeyBase64", "c2stbGl2ZS04ODEy", "JumpServerCredentials.Signature(2a5b0e9c-1111-4222-8333-944455556666, ***)")]
    [InlineData("Bearer", "Token", "tok-8812", "Unused", "x", "JumpServerCredentials.Bearer(***)")]
    [InlineData("PRIVATETOKEN", "Token", "tok-8812", "Unused", "x", "JumpServerCredentials.PrivateToken(***)")]
    [InlineData("Password", "UserName", "admin", "Password", "pw-8812", "JumpServerCredentials.Password(admin, ***)")]
    public void EveryJumpServerTypeMakesItsCredentials(string type, string key1, string value1, string key2, string value2, string expected)
    {
        var options = JumpServer(("Credentials:Type", type), ($"Credentials:{key1}", value1), ($"Credentials:{key2}", value2));

        Assert.Equal(expected, options.Credentials!.ToString());
    }

    [Fact]
    public void ASigningKeyFromConfigurationIsASecretOfTheClient()
    {
        var options = JumpServer(("Credentials:Type", "Signature"), ("Credentials:KeyId", KeyId), ("Credentials:PrivateKeyBase64", "c2stbGl2ZS04ODEy"));

        Assert.Equal(["c2stbGl2ZS04ODEy"], options.CredentialSecrets());
    }

    [Theory]
    [InlineData("Basic", "KylinCredentials.Basic(ADMIN, ***)")]
    [InlineData("basic", "KylinCredentials.Basic(ADMIN, ***)")]
    public void KylinReadsBasicCredentials(string type, string expected)
    {
        var options = Read<KylinClientOptions>(
            (services, configuration) => services.AddKylinClient("bi", configuration),
            "bi",
            ("Credentials:Type", type),
            ("Credentials:UserName", "ADMIN"),
            ("Credentials:Password", "KYLIN"));

        Assert.Equal(expected, options.Credentials!.ToString());
    }

    [Theory]
    [InlineData("ClientCredentials", "ClientId", "cid-1", "ClientSecret", "cs-8812", "MinAppCredentials.ClientCredentials(cid-1, ***)")]
    [InlineData("accesstoken", "Token", "tok-8812", "Unused", "x", "MinAppCredentials.AccessToken(***)")]
    public void EveryMinAppTypeMakesItsCredentials(string type, string key1, string value1, string key2, string value2, string expected)
    {
        var options = Read<MinAppClientOptions>(
            (services, configuration) => services.AddMinAppClient("mini", configuration),
            "mini",
            ("Credentials:Type", type),
            ($"Credentials:{key1}", value1),
            ($"Credentials:{key2}", value2));

        Assert.Equal(expected, options.Credentials!.ToString());
    }

    [Theory]
    [InlineData("Password", "UserName", "root", "Password", "pw-8812", "OwlCredentials.Password(root, ***)")]
    [InlineData("TOKEN", "Token", "jwt-8812", "Unused", "x", "OwlCredentials.Token(***)")]
    public void EveryOwlTypeMakesItsCredentials(string type, string key1, string value1, string key2, string value2, string expected)
    {
        var options = Read<OwlClientOptions>(
            (services, configuration) => services.AddOwlClient("owl", configuration),
            "owl",
            ("Credentials:Type", type),
            ($"Credentials:{key1}", value1),
            ($"Credentials:{key2}", value2));

        Assert.Equal(expected, options.Credentials!.ToString());
    }

    [Theory]
    [InlineData("AccessKey", "KeyId")]
    [InlineData("AccessKey", "Secret")]
    [InlineData("Signature", "KeyId")]
    [InlineData("Bearer", "Token")]
    [InlineData("PrivateToken", "Token")]
    [InlineData("Password", "UserName")]
    [InlineData("Password", "Password")]
    public void AMissingJumpServerValueIsNamedWithItsType(string type, string missing)
    {
        var values = new List<(string, string?)>
        {
            ("Credentials:Type", type),
            ("Credentials:KeyId", KeyId),
            ("Credentials:Secret", "sk-live-8812"),
            ("Credentials:PrivateKeyBase64", "c2stbGl2ZS04ODEy"),
            ("Credentials:Token", "tok-8812"),
            ("Credentials:UserName", "admin"),
            ("Credentials:Password", "pw-8812"),
            ($"Credentials:{missing}", null),
        };

        var refused = Assert.Throws<ArgumentException>(() => JumpServer([.. values]));

        Assert.Equal($"User-group client 'jms': Backends:jms:Credentials:{missing} is required for credentials of type {type}.", refused.Message);
    }

    [Theory]
    [InlineData("ClientCredentials", "ClientId")]
    [InlineData("ClientCredentials", "ClientSecret")]
    [InlineData("AccessToken", "Token")]
    public void AnEmptyMinAppValueIsMissing(string type, string empty)
    {
        var refused = Assert.Throws<ArgumentException>(() => Read<MinAppClientOptions>(
            (services, configuration) => services.AddMinAppClient("mini", configuration),
            "mini",
            ("Credentials:Type", type),
            ("Credentials:ClientId", "cid-1"),
            ("Credentials:ClientSecret", "cs-8812"),
            ("Credentials:Token", "tok-8812"),
            ($"Credentials:{empty}", string.Empty)));

        Assert.Equal($"User-group client 'mini': Backends:mini:Credentials:{empty} is required for credentials of type {type}.", refused.Message);
    }

    [Theory]
    [InlineData("Basic", "UserName")]
    [InlineData("Basic", "Password")]
    public void AMissingKylinValueIsNamed(string type, string missing)
    {
        var refused = Assert.Throws<ArgumentException>(() => Read<KylinClientOptions>(
            (services, configuration) => services.AddKylinClient("bi", configuration),
            "bi",
            ("Credentials:Type", type),
            ("Credentials:UserName", missing == "UserName" ? null : "ADMIN"),
            ("Credentials:Password", missing == "Password" ? null : "KYLIN")));

        Assert.Equal($"User-group client 'bi': Backends:bi:Credentials:{missing} is required for credentials of type {type}.", refused.Message);
    }

    [Theory]
    [InlineData("Password", "UserName")]
    [InlineData("Password", "Password")]
    [InlineData("Token", "Token")]
    public void AMissingOwlValueIsNamed(string type, string missing)
    {
        var values = new List<(string, string?)>
        {
            ("Credentials:Type", type),
            ("Credentials:UserName", "root"),
            ("Credentials:Password", "pw-8812"),
            ("Credentials:Token", "jwt-8812"),
            ($"Credentials:{missing}", null),
        };

        var refused = Assert.Throws<ArgumentException>(() => Read<OwlClientOptions>(
            (services, configuration) => services.AddOwlClient("owl", configuration),
            "owl",
            [.. values]));

        Assert.Equal($"User-group client 'owl': Backends:owl:Credentials:{missing} is required for credentials of type {type}.", refused.Message);
    }

    [Theory]
    [InlineData("JumpServer", "Basic", "AccessKey, Signature, Bearer, PrivateToken, Password")]
    [InlineData("Kylin", "Token", "Basic")]
    [InlineData("MinApp", "Password", "ClientCredentials, AccessToken")]
    [InlineData("Owl", "AccessKey", "Password, Token")]
    public void AnUnknownTypeNamesItsKeyAndTheDialectsTypes(string dialect, string type, string known)
    {
        var refused = Assert.Throws<ArgumentException>(() => ReadAny(dialect, ("Credentials:Type", type), ("Credentials:Token", "tok-8812")));

        Assert.Equal($"User-group client 'b': Backends:b:Credentials:Type '{type}' is not one of {known}.", refused.Message);
    }

    [Theory]
    [InlineData("JumpServer")]
    [InlineData("Kylin")]
    [InlineData("MinApp")]
    [InlineData("Owl")]
    public void WithoutATypeTheCredentialsConfiguredBeforeStay(string dialect)
    {
        var services = new ServiceCollection();
        services.Configure<JumpServerClientOptions>("b", o => o.Credentials = JumpServerCredentials.Bearer("before"));
        services.Configure<KylinClientOptions>("b", o => o.Credentials = KylinCredentials.Basic("BEFORE", "pw"));
        services.Configure<MinAppClientOptions>("b", o => o.Credentials = MinAppCredentials.AccessToken("before"));
        services.Configure<OwlClientOptions>("b", o => o.Credentials = OwlCredentials.Token("before"));
        var configuration = Registered.Configuration(
            ("Backends:b:BaseAddress", "https://b.example.com/"),
            ("Backends:b:Credentials:Type", string.Empty),
            ("Backends:b:Credentials:Token", "ignored"));

        var credentials = Register(services, dialect, configuration.GetSection("Backends:b"));

        Assert.Equal(
            dialect switch
            {
                "JumpServer" => "JumpServerCredentials.Bearer(***)",
                "Kylin" => "KylinCredentials.Basic(BEFORE, ***)",
                "MinApp" => "MinAppCredentials.AccessToken(***)",
                _ => "OwlCredentials.Token(***)",
            },
            credentials);
    }

    [Theory]
    [InlineData("JumpServer", "Bearer", "JumpServerCredentials.Bearer(***)")]
    [InlineData("Kylin", "Basic", "KylinCredentials.Basic(FROM-CONFIG, ***)")]
    [InlineData("MinApp", "AccessToken", "MinAppCredentials.AccessToken(***)")]
    [InlineData("Owl", "Password", "OwlCredentials.Password(FROM-CONFIG, ***)")]
    public void ACredentialsSectionReplacesTheCredentialsConfiguredBefore(string dialect, string type, string expected)
    {
        var services = new ServiceCollection();
        services.Configure<JumpServerClientOptions>("b", o => o.Credentials = JumpServerCredentials.PrivateToken("before"));
        services.Configure<KylinClientOptions>("b", o => o.Credentials = KylinCredentials.Basic("BEFORE", "pw"));
        services.Configure<MinAppClientOptions>("b", o => o.Credentials = MinAppCredentials.ClientCredentials("before", "cs"));
        services.Configure<OwlClientOptions>("b", o => o.Credentials = OwlCredentials.Token("before"));
        var configuration = Registered.Configuration(
            ("Backends:b:BaseAddress", "https://b.example.com/"),
            ("Backends:b:Credentials:Type", type),
            ("Backends:b:Credentials:Token", "tok-8812"),
            ("Backends:b:Credentials:UserName", "FROM-CONFIG"),
            ("Backends:b:Credentials:Password", "pw-8812"));

        Assert.Equal(expected, Register(services, dialect, configuration.GetSection("Backends:b")));
    }

    [Fact]
    public void AKeyIdTheSignatureFactoryRefusesIsNamedWithTheSection()
    {
        var refused = Assert.Throws<ArgumentException>(() => JumpServer(
            ("Credentials:Type", "Signature"),
            ("Credentials:KeyId", "ops-key"),
            ("Credentials:PrivateKeyBase64", "c2stbGl2ZS04ODEy")));

        Assert.StartsWith("User-group client 'jms': Backends:jms:Credentials: A JumpServer Access Key id is a UUID", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2stbGl2ZS04ODEy", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ASigningKeyJumpServerCannotVerifyIsNamedWithTheSection()
    {
        var refused = Assert.Throws<ArgumentException>(() => JumpServer(
            ("Credentials:Type", "Signature"),
            ("Credentials:KeyId", KeyId),
            ("Credentials:Algorithm", "ed25519"),
            ("Credentials:PrivateKeyBase64", Convert.ToBase64String(new byte[32]))));

        Assert.StartsWith("User-group client 'jms': Backends:jms:Credentials: JumpServer verifies Access Key signatures with hmac-sha256, hmac-sha512, hmac-sha1 only", refused.Message, StringComparison.Ordinal);
    }

    private static JumpServerClientOptions JumpServer(params (string Key, string? Value)[] values) =>
        Read<JumpServerClientOptions>((services, configuration) => services.AddJumpServerClient("jms", configuration), "jms", values);

    private static UserGroupClientOptions ReadAny(string dialect, params (string Key, string? Value)[] values) => dialect switch
    {
        "JumpServer" => Read<JumpServerClientOptions>((services, configuration) => services.AddJumpServerClient("b", configuration), "b", values),
        "Kylin" => Read<KylinClientOptions>((services, configuration) => services.AddKylinClient("b", configuration), "b", values),
        "MinApp" => Read<MinAppClientOptions>((services, configuration) => services.AddMinAppClient("b", configuration), "b", values),
        _ => Read<OwlClientOptions>((services, configuration) => services.AddOwlClient("b", configuration), "b", values),
    };

    private static string? Register(IServiceCollection services, string dialect, IConfiguration section)
    {
        _ = dialect switch
        {
            "JumpServer" => services.AddJumpServerClient("b", section),
            "Kylin" => services.AddKylinClient("b", section),
            "MinApp" => services.AddMinAppClient("b", section),
            _ => services.AddOwlClient("b", section),
        };
        using var provider = services.BuildServiceProvider();
        return dialect switch
        {
            "JumpServer" => Registered.Options<JumpServerClientOptions>(provider, "b").Credentials?.ToString(),
            "Kylin" => Registered.Options<KylinClientOptions>(provider, "b").Credentials?.ToString(),
            "MinApp" => Registered.Options<MinAppClientOptions>(provider, "b").Credentials?.ToString(),
            _ => Registered.Options<OwlClientOptions>(provider, "b").Credentials?.ToString(),
        };
    }

    /// <summary>Registers one client from the section <c>Backends:NAME</c> holding <paramref name="values"/> and an https address, and resolves its options.</summary>
    private static TOptions Read<TOptions>(Action<IServiceCollection, IConfiguration> register, string name, params (string Key, string? Value)[] values)
        where TOptions : UserGroupClientOptions
    {
        var configuration = Registered.Configuration(
            [(($"Backends:{name}:BaseAddress"), "https://b.example.com/"), .. values.Select(v => ($"Backends:{name}:{v.Key}", v.Value))]);
        var services = new ServiceCollection();
        register(services, configuration.GetSection($"Backends:{name}"));
        using var provider = services.BuildServiceProvider();
        try
        {
            return Registered.Options<TOptions>(provider, name);
        }
        catch (OptionsValidationException exception)
        {
            throw new InvalidOperationException(exception.Message, exception);
        }
    }
}
