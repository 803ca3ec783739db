using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.MinApp;

namespace UserGroupClient.ContractTests.MinApp;

/// <summary>A MinApp client pointed at a contract server: the documents' Bearer token, a test environment, retries off.</summary>
internal static class MinAppContract
{
    public const string Vendor = "MinApp";

    /// <summary>The Bearer token of the vendor documents' curl examples.</summary>
    public const string AccessToken = "58f6cd9f84b1b0c04941fbd4d87bc5f14a785107";

    /// <summary>The <c>X-Hydrogen-Env-ID</c> the fixtures expect on every oserve call.</summary>
    public const string EnvironmentId = "contract-env";

    /// <summary>The client id and secret the OAuth fixtures expect.</summary>
    public const string ClientId = "a4d2d62965ddb57fa4d6";

    public const string ClientSecret = "0bcbc8f7b9d6d6ab0e8e5e4f7a0d9c3b1e2f4a5c";

    public static ContractFixture Fixture(string endpoint) => ContractFixture.Load(Vendor, endpoint);

    public static MinAppClient Client(ContractServer server, Action<MinAppClientOptions>? configure = null) =>
        Client(server, MinAppCredentials.AccessToken(AccessToken), configure);

    public static MinAppClient Client(ContractServer server, MinAppCredentials credentials, Action<MinAppClientOptions>? configure = null) =>
        new(ContractClientOptions.For(
            server,
            new MinAppClientOptions
            {
                Credentials = credentials,
                EnvironmentId = EnvironmentId,
            },
            configure));

    /// <summary>Asserts the request carried the documents' Bearer token.</summary>
    public static ReceivedRequest Authorized(ReceivedRequest request)
    {
        AuthorizationShape.AssertBearer(request, AccessToken);
        return request;
    }
}
