using Microsoft.Extensions.DependencyInjection;
using UserGroupClient.JumpServer;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.IntegrationTests.OwnEndpoints;

/// <summary><c>AddApi&lt;TApi&gt;()</c> on the builder an <c>Add…Client</c> returns.</summary>
public sealed class OwnEndpointRegistrationTests
{
    [Fact]
    public async Task AnInterfaceAddedToAClientIsResolvedByTheClientsNameAndSignedLikeIt()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var key = jms.AddAccessKey(JumpServerEmulator.AdminUsername);
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", o =>
        {
            o.BaseAddress = jms.BaseAddress;
            o.Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret);
        }).AddApi<IJumpServerUsers>(OwnJumpServerJson.Default);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var users = await provider.GetRequiredKeyedService<IJumpServerUsers>("ops").ListAsync(limit: 5);

        Assert.Contains(users.Results, user => user.Username == JumpServerEmulator.AdminUsername);
        Assert.StartsWith("Signature keyId=", Assert.Single(jms.Journal.Entries).GetHeader("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public void AddApiOnAnotherBuilderIsRefused()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddHttpClient("mine").AddApi<IJumpServerUsers>());

        Assert.Contains("AddJumpServerClient", error.Message, StringComparison.Ordinal);
    }
}
