using System.Net;

namespace UserGroupClient.Kylin;

/// <summary>
/// Runs a typed API's calls and turns an answer that shows the server is of another flavor into one exception that
/// names both: the flavor the client was set up for (or the API that was called) and the one the server is, found by
/// one detection (<see cref="KylinFlavorDetector"/>, kept for the client). Such answers are the ones
/// <see cref="KylinUnsupportedServer"/> recognises, and, on the KAP and Apache APIs, a 401 with a <c>KE-…</c> code
/// (only Kylin 5 and Kyligence Enterprise 4.x refuse credentials so).
/// </summary>
internal sealed class KylinFlavorMismatch
{
    private readonly KylinWireShape _shape;
    private readonly KylinFlavor _configured;
    private readonly KylinFlavorDetector _detector;

    public KylinFlavorMismatch(KylinWireShape shape, KylinFlavor configured, KylinFlavorDetector detector)
    {
        _shape = shape;
        _configured = configured;
        _detector = detector;
    }

    /// <summary>Runs <paramref name="call"/>; see the class.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (UserGroupApiException answer) when (Suggests(answer))
        {
            throw await ExplainAsync(answer, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool Suggests(UserGroupApiException answer) =>
        answer is UserGroupUnsupportedServerException
        || (answer is UserGroupAuthenticationException { StatusCode: HttpStatusCode.Unauthorized, ErrorCode: { } code }
            && _shape != KylinWireShape.OpenV4
            && code.StartsWith("KE-", StringComparison.Ordinal));

    private async Task<UserGroupApiException> ExplainAsync(UserGroupApiException answer, CancellationToken cancellationToken)
    {
        KylinDetection detected;
        try
        {
            detected = await _detector.DetectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (UserGroupUnsupportedServerException unknown)
        {
            return Copy($"Kylin: the server does not serve the {KylinFlavors.Describe(_shape)} that {Configured()} speaks (see the inner exception), and {Uncapitalized(unknown)}", answer);
        }
        catch (Exception detection) when (detection is UserGroupApiException or TimeoutException)
        {
            return answer;
        }

        if (KylinFlavors.Shape(detected.Flavor) == _shape)
        {
            // The server says it is of this API's flavor and still refused the API: a Kyligence Enterprise 4.x build
            // before the open API reports itself as any other.
            return detected.Flavor == KylinFlavor.KyligenceEnterprise4 ? KylinFlavorDetector.PredatesOpenApi(answer) : answer;
        }

        var advice = _configured == KylinFlavor.Auto
            ? $"Call {nameof(KylinClient)}.{KylinFlavors.TypedApi(KylinFlavors.Shape(detected.Flavor))} instead, or the unified service, which speaks the detected flavor's API."
            : $"Set {nameof(KylinClientOptions)}.{nameof(KylinClientOptions.Flavor)} to {detected.Flavor} or {KylinFlavor.Auto}.";
        return Copy(
            $"Kylin: {Configured()} speaks the {KylinFlavors.Describe(_shape)}, but the server is {KylinFlavors.Describe(detected.Flavor)} ({detected.Flavor}: {detected.Evidence}). {advice} The inner exception has the server's answer.",
            answer);
    }

    private string Configured() => _configured == KylinFlavor.Auto
        ? $"{nameof(KylinClient)}.{KylinFlavors.TypedApi(_shape)}"
        : $"the client, set up for {KylinFlavors.Describe(_configured)} ({nameof(KylinClientOptions)}.{nameof(KylinClientOptions.Flavor)} = {_configured}),";

    // The detection's own words, after the "Kylin: " that begins each of its exceptions (KylinFlavorDetector builds
    // every one it raises), without the request facts its message appends.
    private static string Uncapitalized(UserGroupApiException unknown) => unknown.Reason["Kylin: ".Length..];

    private static UserGroupUnsupportedServerException Copy(string message, UserGroupApiException answer) =>
        UserGroupApiException.InPlaceOf(new UserGroupUnsupportedServerException(message, answer), answer);
}
