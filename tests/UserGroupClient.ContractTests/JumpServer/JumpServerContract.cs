using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.JumpServer;

namespace UserGroupClient.ContractTests.JumpServer;

/// <summary>A JumpServer client pointed at a contract server, signing with an Access Key, retries off.</summary>
internal static class JumpServerContract
{
    public const string KeyId = "0f8c5a53-7a7a-4c43-9b79-3f6f1d1c9a11";

    public const string Secret = "0b6a6d1e-54c9-4e3c-9a2f-1c4d9f1e7b22";

    /// <summary>The headers the SDK signs on every call.</summary>
    public const string SignedHeaders = "(request-target) accept date";

    public static JumpServerClient Client(ContractServer server, Action<JumpServerClientOptions>? configure = null)
    {
        var options = new JumpServerClientOptions
        {
            BaseAddress = server.BaseAddress,
            Credentials = JumpServerCredentials.AccessKey(KeyId, Secret),
            OrganizationId = JumpServerOrganizations.Default,
        };
        options.Resilience.Enabled = false;
        configure?.Invoke(options);
        return new JumpServerClient(options);
    }
}
