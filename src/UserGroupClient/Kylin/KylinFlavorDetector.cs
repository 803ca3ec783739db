using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using UserGroupClient.Diagnostics;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>
/// Finds out which Kylin flavor a server is, once per client (docs/wire/kylin.md §10). One
/// unauthenticated <c>GET admin/version</c> tells them apart in most cases: Apache Kylin answers its version
/// (<c>Apache kylin 4.0.5</c>); the others refuse it with 401, Kylin 5 with code <c>KE-010003207</c>, Kyligence
/// Enterprise 4.x with <c>KE-010003007</c>, KAP 3.x with its envelope and code <c>999</c>. Only a refusal with another
/// <c>KE-…</c> code costs a second request, <c>GET system/license</c> in the v4-public type, which Kyligence Enterprise
/// 4.x builds with the open API answer. Concurrent first callers share one detection; a detection that fails (no
/// answer, an unknown server) is not kept, so the next call tries again.
/// </summary>
internal sealed class KylinFlavorDetector
{
    private const string VersionPath = "admin/version";
    private const string LicensePath = "system/license";

    private readonly IKylinProbeEndpoints _probe;
    private readonly ApiConnection _connection;
    private readonly ILogger _logger;
    private readonly string _clientName;
    private readonly Lock _sync = new();
    private Task<KylinDetection>? _detection;

    public KylinFlavorDetector(ApiConnection connection, ILogger logger, string clientName)
    {
        _probe = connection.Api<IKylinProbeEndpoints>(KylinJsonContext.Default);
        _connection = connection;
        _logger = logger;
        _clientName = clientName;
    }

    /// <summary>The flavor found, once a detection has succeeded.</summary>
    public KylinFlavor? Detected => Volatile.Read(ref _detection) is { IsCompletedSuccessfully: true } done ? done.Result.Flavor : null;

    /// <summary>
    /// The server's flavor: the kept result, or the detection under way, or a new one. The detection itself runs to its
    /// end (within <see cref="UserGroupClientOptions.Timeout"/>) for whoever waits for it; <paramref name="cancellationToken"/>
    /// stops only this caller's wait.
    /// </summary>
    /// <exception cref="UserGroupUnsupportedServerException">The server is not a Kylin the SDK supports, or cannot be told apart.</exception>
    public Task<KylinDetection> DetectAsync(CancellationToken cancellationToken)
    {
        Task<KylinDetection> detection;
        lock (_sync)
        {
            if (_detection is null || _detection.IsFaulted || _detection.IsCanceled)
            {
                _detection = RunAsync();
            }

            detection = _detection;
        }

        return detection.WaitAsync(cancellationToken);
    }

    /// <summary>Reads the answer to <c>GET admin/version</c>: Apache Kylin's version.</summary>
    private KylinDetection FromVersion(JsonElement answer)
    {
        var text = VersionText(answer) ?? VersionText(answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("data", out var data) ? data : default);
        if (text is null)
        {
            throw Answered(Unknown("it answered GET admin/version with JSON that holds no \"kylin.version\"", null), VersionPath, answer);
        }

        // "Apache kylin 4.0.5": the major number is the first run of digits.
        var number = text.AsSpan(Math.Max(0, text.AsSpan().IndexOfAnyInRange('0', '9')));
        var digits = number.IndexOfAnyExceptInRange('0', '9') is var end and >= 0 ? number[..end] : number;
        // A text without a number (or with one too large) leaves major at 0, which no arm takes.
        _ = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var major);
        return major switch
        {
            3 => new KylinDetection(KylinFlavor.Apache3, text),
            4 => new KylinDetection(KylinFlavor.Apache4, text),
            _ => throw Answered(
                new UserGroupUnsupportedServerException(
                    $"Kylin: the server reports version '{text}', which the SDK does not support: of Apache Kylin it supports 3.x and 4.x (their user-group API), and Kylin 5. Set KylinClientOptions.Flavor if the server speaks one of those APIs."),
                VersionPath,
                answer),
        };
    }

    /// <summary>
    /// Reads a 401 to <c>GET admin/version</c>: the flavor it shows, or <see langword="null"/> when it shows a
    /// <c>KE-…</c> code that only the license request can place.
    /// </summary>
    internal static KylinDetection? FromRefusal(UserGroupApiException refused) => refused.ErrorCode switch
    {
        KylinErrorCode.Kylin5Unauthenticated => new KylinDetection(KylinFlavor.Kylin5, $"it refused an anonymous request with {refused.ErrorCode}"),
        KylinErrorCode.Enterprise4Unauthenticated => new KylinDetection(KylinFlavor.KyligenceEnterprise4, $"it refused an anonymous request with {refused.ErrorCode}"),
        { } code when code.StartsWith("KE-", StringComparison.Ordinal) => null,
        _ when refused.ServerMessage is not null => new KylinDetection(KylinFlavor.Kap3, "it refused an anonymous request with its v2 error envelope"),
        _ => throw Unknown("it refused GET admin/version with HTTP 401 without Kylin's JSON error envelope", refused),
    };

    /// <summary>Reads the answer to <c>GET system/license</c>: Kyligence Enterprise 4.x's version.</summary>
    private KylinDetection FromLicense(JsonElement answer)
    {
        var version = answer.ValueKind == JsonValueKind.Object
            && answer.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("ke.version", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        return version is null
            ? throw Answered(PredatesOpenApi(null), LicensePath, answer)
            : new KylinDetection(KylinFlavor.KyligenceEnterprise4, $"its license reports {version}");
    }

    /// <summary>The exception for a Kyligence Enterprise 4.x build without the v4-public open API.</summary>
    internal static UserGroupUnsupportedServerException PredatesOpenApi(UserGroupApiException? answer) =>
        Copy(
            "Kylin: the server is a Kyligence Enterprise 4.x build that predates the v4-public open API (builds before mid-2020): such builds are out of the SDK's scope. Kyligence Enterprise 4.x is supported from the builds that serve the v4-public user-group API; KAP / Kyligence Enterprise 3.x, Apache Kylin 3.x/4.x and Kylin 5 are supported too.",
            answer);

    private static UserGroupUnsupportedServerException Unknown(string what, UserGroupApiException? answer) =>
        Copy(
            $"Kylin: the SDK cannot tell which Kylin flavor the server is: {what}. Check the base address, or set KylinClientOptions.Flavor to the server's flavor (Kap3, Apache3, Apache4, KyligenceEnterprise4, Kylin5).",
            answer);

    // The dialect comes with the facts: a refusal's from the Kylin connection's mapper, a success's from Answered.
    private static UserGroupUnsupportedServerException Copy(string message, UserGroupApiException? answer) =>
        UserGroupApiException.InPlaceOf(new UserGroupUnsupportedServerException(message, answer), answer);

    // A success whose JSON names no supported flavor: the exception carries the request and the answer (masked, as an
    // error body is), though not the status, which the parsed answer no longer knows beyond "a success". An answer
    // without a body never gets here: the call raises it as unreadable.
    private UserGroupApiException Answered(UserGroupUnsupportedServerException exception, string path, JsonElement answer) =>
        exception.WithRequest(
            "Kylin",
            HttpMethod.Get.Method,
            new Uri(_connection.BaseAddress, path),
            ResponseBodyReader.MaskBody(Encoding.UTF8.GetBytes(answer.GetRawText()), complete: true, _connection.Secrets).Text);

    private static string? VersionText(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("kylin.version", out var version) && version.ValueKind == JsonValueKind.String
            ? version.GetString()
            : null;

    private async Task<KylinDetection> RunAsync()
    {
        // Off the caller's lock and thread: the request is built and sent on the thread pool. Not Task.Yield, which
        // resumes on the caller's synchronization context: a UI thread blocked on the call would never run the probe.
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        KylinDetection detection;
        try
        {
            detection = FromVersion(await _probe.GetVersionAsync(CancellationToken.None).ConfigureAwait(false));
        }
        catch (UserGroupAuthenticationException refused) when (refused.StatusCode == HttpStatusCode.Unauthorized)
        {
            detection = FromRefusal(refused) ?? await FromLicenseAsync().ConfigureAwait(false);
        }
        catch (UserGroupApiException other) when (other.StatusCode is { } status && !Http.ApiErrorMapper.IsTransient(other))
        {
            // A transient failure is raised as it is, and the next call tries again; any other answer is no flavor's.
            throw Unknown($"it answered GET admin/version with HTTP {(int)status}", other);
        }

        LogEvents.KylinFlavorDetected(_logger, _clientName, detection.Flavor, detection.Evidence);
        return detection;
    }

    private async Task<KylinDetection> FromLicenseAsync()
    {
        JsonElement license;
        try
        {
            license = await _probe.GetLicenseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (UserGroupApiException refused) when (refused is UserGroupUnsupportedServerException or UserGroupNotFoundException or UserGroupAuthenticationException)
        {
            throw PredatesOpenApi(refused);
        }

        return FromLicense(license);
    }
}
