using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.JumpServer;

namespace UserGroupClient.ContractTests.JumpServer;

/// <summary>A JumpServer client pointed at a contract server, signing with an Access Key, retries off; and the fixtures' ids.</summary>
internal static class JumpServerContract
{
    public const string Vendor = "JumpServer";

    public const string KeyId = "0f8c5a53-7a7a-4c43-9b79-3f6f1d1c9a11";

    public const string Secret = "0b6a6d1e-54c9-4e3c-9a2f-1c4d9f1e7b22";

    /// <summary>The headers the SDK signs on every call.</summary>
    public const string SignedHeaders = "(request-target) accept date x-jms-org";

    /// <summary>The group of the vendor document's delete example, which the fixtures use throughout.</summary>
    public const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";

    /// <summary>A second group, for bulk deletes.</summary>
    public const string OtherGroupId = "1c6e2a0b-5d7f-4b8e-9f3a-2d4c6e8a0b1c";

    /// <summary>A user who is a member of <see cref="GroupId"/> in the fixtures.</summary>
    public const string MemberId = "cdd61c0e-2012-416a-bde3-f2c642ded82a";

    /// <summary>A user who is not a member of <see cref="GroupId"/> in the fixtures.</summary>
    public const string OtherUserId = "5e3f9a1b-7c2d-4e6f-8a9b-0c1d2e3f4a5b";

    /// <summary>The <c>spm</c> the resource-cache fixture hands out.</summary>
    public const string Spm = "b3e1c8a2-4f6d-4e2a-9c1b-7d8e9f0a1b2c";

    public static ContractFixture Fixture(string endpoint) => ContractFixture.Load(Vendor, endpoint);

    public static JumpServerClient Client(ContractServer server, Action<JumpServerClientOptions>? configure = null) =>
        new(ContractClientOptions.For(
            server,
            new JumpServerClientOptions
            {
                Credentials = JumpServerCredentials.AccessKey(KeyId, Secret),
                OrganizationId = JumpServerOrganizations.Default,
            },
            configure));

    /// <summary>Asserts that the request carries a valid Access Key signature of the expected shape.</summary>
    public static void AssertSigned(ReceivedRequest request)
    {
        AuthorizationShape.AssertSignature(request, KeyId, SignedHeaders);
        HttpSignatureCheck.AssertVerifies(request, Secret);
    }
}
