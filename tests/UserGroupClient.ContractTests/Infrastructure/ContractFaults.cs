using System.Globalization;
using WireMock.ResponseBuilders;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>
/// The faults of issue 12 as WireMock answers: WireMock.Net's own fault types (a malformed chunk, an empty reply), a
/// delay, a 429 with <c>Retry-After</c> and a gateway's 503 HTML page. A connection reset is not among them: WireMock.Net
/// cannot reset one, so those tests use the emulators' fault injection.
/// </summary>
public static class ContractFaults
{
    /// <summary>The page an nginx gateway serves while the server behind it is down.</summary>
    public const string ServiceUnavailablePage =
        "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    /// <summary>The fixture's documented answer, sent after <paramref name="delay"/>.</summary>
    public static IResponseBuilder Delayed(ContractFixture fixture, TimeSpan delay) => ContractServer.Answer(fixture).WithDelay(delay);

    /// <summary>The fixture's status and headers, then half its body followed by garbage (<see cref="FaultType.MALFORMED_RESPONSE_CHUNK"/>).</summary>
    public static IResponseBuilder MalformedChunk(ContractFixture fixture) => ContractServer.Answer(fixture).WithFault(FaultType.MALFORMED_RESPONSE_CHUNK);

    /// <summary>The fixture's status and headers with no body at all (<see cref="FaultType.EMPTY_RESPONSE"/>).</summary>
    public static IResponseBuilder EmptyReply(ContractFixture fixture) => ContractServer.Answer(fixture).WithFault(FaultType.EMPTY_RESPONSE);

    /// <summary>429 Too Many Requests with <c>Retry-After</c> in whole seconds.</summary>
    public static IResponseBuilder TooManyRequests(int retryAfterSeconds) =>
        Response.Create()
            .WithStatusCode(429)
            .WithHeader("Retry-After", retryAfterSeconds.ToString(CultureInfo.InvariantCulture))
            .WithHeader("Content-Type", "text/plain; charset=utf-8")
            .WithBody("Too Many Requests");

    /// <summary>503 with a gateway's HTML page instead of the vendor's JSON.</summary>
    public static IResponseBuilder ServiceUnavailable() =>
        Response.Create().WithStatusCode(503).WithHeader("Content-Type", "text/html").WithBody(ServiceUnavailablePage);
}
