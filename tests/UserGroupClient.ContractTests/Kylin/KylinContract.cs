using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Kylin;

namespace UserGroupClient.ContractTests.Kylin;

/// <summary>A Kylin client pointed at a contract server as the vendor document's examples call it (project <c>a</c>), retries off.</summary>
internal static class KylinContract
{
    public const string Vendor = "Kylin";

    /// <summary>The first-start administrator of KAP's <c>testing</c> profile (docs/wire/kylin.md §7).</summary>
    public const string Username = "ADMIN";

    public const string Password = "KYLIN";

    /// <summary>The project of the document's list example.</summary>
    public const string Project = "a";

    public static ContractFixture Fixture(string endpoint) => ContractFixture.Load(Vendor, endpoint);

    public static KylinClient Client(ContractServer server, Action<KylinClientOptions>? configure = null) =>
        new(ContractClientOptions.For(
            server,
            new KylinClientOptions
            {
                Credentials = KylinCredentials.Basic(Username, Password),
                Project = Project,

                // The KAP v2 contract: named, so that no flavor probe precedes the fixtures' requests.
                Flavor = KylinFlavor.Kap3,
            },
            configure));

    /// <summary>Asserts HTTP Basic, sent up front: <c>Basic QURNSU46S1lMSU4=</c> is ADMIN:KYLIN (docs/wire/kylin.md §7).</summary>
    public static void AssertBasic(ReceivedRequest request)
    {
        AuthorizationShape.AssertBasic(request, Username, Password);
        Assert.Equal("Basic QURNSU46S1lMSU4=", request.Header("Authorization"));
    }
}
