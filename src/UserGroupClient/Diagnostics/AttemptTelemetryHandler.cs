using System.Runtime.CompilerServices;
using UserGroupClient.Http;

namespace UserGroupClient.Diagnostics;

/// <summary>
/// The attempt handler of a client whose resilience is off: each request is sent once, as attempt 1, recorded by
/// the attempt telemetry, with a compressed answer decoded (<see cref="ContentDecoding"/>). With resilience on, the
/// resilience handler does both for each of its attempts.
/// </summary>
internal sealed class AttemptTelemetryHandler : ValueTaskDelegatingHandler
{
    private readonly AttemptTelemetry _telemetry;

    public AttemptTelemetryHandler(AttemptTelemetry telemetry) => _telemetry = telemetry;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<HttpResponseMessage> SendValueAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ContentDecoding.Accept(request);
        var attempt = _telemetry.Start(request, 1);
        HttpResponseMessage response;
        try
        {
            response = await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _telemetry.Failed(attempt, exception);
            throw;
        }

        _telemetry.Completed(attempt, response);
        ContentDecoding.Decode(response);
        return response;
    }
}
