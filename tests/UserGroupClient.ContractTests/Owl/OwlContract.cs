using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Owl;

namespace UserGroupClient.ContractTests.Owl;

/// <summary>An Owl client pointed at a contract server: the login fixture's JWT, the clock of its login, retries off.</summary>
internal static class OwlContract
{
    public const string Vendor = "Owl";

    /// <summary>The JWT of the login fixture.</summary>
    public const string Token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjE3MTAyMTAwMzAsImlkIjoiYWRtaW4iLCJvcmlnX2lhdCI6MTcwOTYwNTIzMCwidXNlcklkIjoxfQ.iI9ORqHXvOgttdWq_goienl-vJx2BpXLGV_mNfwS48g";

    /// <summary>The JWT of the refresh fixture.</summary>
    public const string RenewedToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjE3MTAyMTM2MzAsImlkIjoiYWRtaW4iLCJvcmlnX2lhdCI6MTcwOTYwNTIzMCwidXNlcklkIjoxfQ._Gii8mXmvw08KIlqttDIV4S6-m_BVru1406Efl1Q5Hs";

    /// <summary>When the login fixture's token was issued; it expires a week later.</summary>
    public static readonly DateTimeOffset LoggedInAt = new(2024, 3, 5, 10, 20, 30, TimeSpan.FromHours(8));

    public static ContractFixture Fixture(string endpoint) => ContractFixture.Load(Vendor, endpoint);

    public static OwlClient Client(ContractServer server, Action<OwlClientOptions>? configure = null) =>
        Client(server, OwlCredentials.Token(Token), configure);

    public static OwlClient Client(ContractServer server, OwlCredentials credentials, Action<OwlClientOptions>? configure = null) =>
        new(ContractClientOptions.For(
            server,
            new OwlClientOptions
            {
                Credentials = credentials,
                TimeProvider = new FixedClock(LoggedInAt),
            },
            configure));

    /// <summary>Asserts the request carried the login fixture's JWT as a Bearer token.</summary>
    public static ReceivedRequest Authorized(ReceivedRequest request)
    {
        AuthorizationShape.AssertBearer(request, Token);
        return request;
    }
}
