using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.IntegrationTests.DependencyInjection;

/// <summary>JumpServer's <c>Signature</c> credentials read from configuration or the environment: a key id and a signing key.</summary>
public sealed class SignatureCredentialsConfigurationTests
{
    [Fact]
    public async Task ASigningKeyInConfigurationSignsRequestsTheServerAccepts()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Backends:Jms:BaseAddress"] = emulator.BaseAddress.ToString(),
            ["Backends:Jms:Credentials:Type"] = "Signature",
            ["Backends:Jms:Credentials:KeyId"] = key.Id,
            ["Backends:Jms:Credentials:Algorithm"] = "hmac-sha256",
            ["Backends:Jms:Credentials:PrivateKeyBase64"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(key.Secret)),
        }).Build();
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", configuration.GetSection("Backends:Jms"));
        await using var provider = services.BuildServiceProvider();

        var group = await provider.GetRequiredKeyedService<IUserGroupService>("jms").CreateGroupAsync(new NewUserGroup("signed-from-config"));

        Assert.Equal(["signed-from-config"], emulator.GetGroups().Select(g => g.Name));
        Assert.Equal("signed-from-config", group.Name);
        Assert.All(emulator.Journal.Entries, e => Assert.StartsWith($"Signature keyId=\"{key.Id}\",algorithm=\"hmac-sha256\",", e.GetHeader("Authorization"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheKeyCanComeFromTheEnvironment()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        var prefix = $"UGC_TEST_{Guid.NewGuid():N}_";
        string[] names = ["Backends__jms__BaseAddress", "Backends__jms__Credentials__Type", "Backends__jms__Credentials__KeyId", "Backends__jms__Credentials__PrivateKeyBase64"];
        string[] values = [emulator.BaseAddress.ToString(), "Signature", key.Id, Convert.ToBase64String(Encoding.ASCII.GetBytes(key.Secret))];
        try
        {
            for (var i = 0; i < names.Length; i++)
            {
                Environment.SetEnvironmentVariable(prefix + names[i], values[i]);
            }

            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddEnvironmentVariables(prefix);
            builder.Services.AddJumpServerClient("jms", builder.Configuration.GetSection("Backends:jms"));
            using var host = builder.Build();

            await host.Services.GetRequiredKeyedService<IUserGroupService>("jms").CreateGroupAsync(new NewUserGroup("from-environment"));

            Assert.Equal(["from-environment"], emulator.GetGroups().Select(g => g.Name));
        }
        finally
        {
            foreach (var name in names)
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }
    }

    [Theory]
    [InlineData("PrivateKeyBase64", "bm90LXRoZS1rZXktc2stNzcyMQ", "Jms:Credentials:PrivateKeyBase64 is not a valid hmac-sha256 shared secret")]
    [InlineData("KeyId", "", "Jms:Credentials:KeyId is required for credentials of type Signature")]
    public void AMissingOrUnconvertibleValueNamesItsKeyAndNeverItsValue(string name, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jms:BaseAddress"] = "https://jms.example.com",
            ["Jms:Credentials:Type"] = "Signature",
            ["Jms:Credentials:KeyId"] = "2a5b0e9c-1111-4222-8333-944455556666",
            ["Jms:Credentials:PrivateKeyBase64"] = "c2VjcmV0LWtleS1zay03NzIx",
        };
        settings["Jms:Credentials:" + name] = value;

        var error = StartupFailure(settings);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-7721", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0LWtleS1zay03NzIx", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("bm90LXRoZS1rZXktc2stNzcyMQ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyJumpServerCannotVerifyIsRefusedAtStartNamingTheSection()
    {
        var seed = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

        var error = StartupFailure(new Dictionary<string, string?>
        {
            ["Jms:BaseAddress"] = "https://jms.example.com",
            ["Jms:Credentials:Type"] = "Signature",
            ["Jms:Credentials:KeyId"] = "2a5b0e9c-1111-4222-8333-944455556666",
            ["Jms:Credentials:Algorithm"] = "ed25519",
            ["Jms:Credentials:PrivateKeyBase64"] = seed,
        });

        Assert.StartsWith("User-group client 'jms': Jms:Credentials: JumpServer verifies Access Key signatures with hmac-sha256", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"hs2019\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(seed, error.ToString(), StringComparison.Ordinal);
    }

    private static ArgumentException StartupFailure(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddJumpServerClient("jms", configuration.GetSection("Jms"));
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }
}
