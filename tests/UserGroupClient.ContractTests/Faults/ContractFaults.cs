using System.Globalization;
using UserGroupClient.ContractTests.Infrastructure;
using WireMock.ResponseBuilders;

namespace UserGroupClient.ContractTests.Faults;

/// <summary>
/// The failures a contract test puts between the SDK and a documented answer, made with WireMock.Net's own means.
/// WireMock.Net's two fault types keep the status and spoil the body: <see cref="EmptyReply"/> sends no body at all,
/// <see cref="MalformedChunk"/> half of it followed by random bytes. A connection reset is not among them (the
/// emulators' fault injection has it).
/// </summary>
public static class ContractFaults
{
    /// <summary>A gateway's HTML page, as a proxy in front of any of the servers answers while the server is down.</summary>
    public const string ServiceUnavailablePage =
        "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    /// <summary>How long a late answer waits: well past <see cref="ContractResilience.ShortAttempt"/>.</summary>
    public static readonly TimeSpan LateAnswer = TimeSpan.FromSeconds(2);

    /// <summary>The fixture's answer, sent only after <see cref="LateAnswer"/>.</summary>
    public static IResponseBuilder Late(ContractFixture fixture) => ContractServer.Answer(fixture).WithDelay(LateAnswer);

    /// <summary>The fixture's status and headers with no body.</summary>
    public static IResponseBuilder EmptyReply(ContractFixture fixture) => ContractServer.Answer(fixture).WithFault(FaultType.EMPTY_RESPONSE);

    /// <summary>The fixture's status and headers with half its body followed by random bytes.</summary>
    public static IResponseBuilder MalformedChunk(ContractFixture fixture) => ContractServer.Answer(fixture).WithFault(FaultType.MALFORMED_RESPONSE_CHUNK);

    /// <summary>429 Too Many Requests with <c>Retry-After</c> in whole seconds and <paramref name="body"/> (the vendor's own shape).</summary>
    public static IResponseBuilder RateLimited(int retryAfterSeconds, string body, string contentType = "application/json") =>
        Response.Create()
            .WithStatusCode(429)
            .WithHeader("Retry-After", retryAfterSeconds.ToString(CultureInfo.InvariantCulture))
            .WithHeader("Content-Type", contentType)
            .WithBody(body);

    /// <summary>429 Too Many Requests with <c>Retry-After</c> in whole seconds and a plain-text body, as a gateway answers.</summary>
    public static IResponseBuilder TooManyRequests(int retryAfterSeconds) => RateLimited(retryAfterSeconds, "Too Many Requests", "text/plain; charset=utf-8");

    /// <summary>503 with <see cref="ServiceUnavailablePage"/>.</summary>
    public static IResponseBuilder ServiceUnavailable() =>
        Response.Create().WithStatusCode(503).WithHeader("Content-Type", "text/html").WithBody(ServiceUnavailablePage);
}
