namespace UserGroupClient.Http;

/// <summary>
/// Marks carried by a request in <see cref="HttpRequestMessage.Options"/>. Refit interfaces set them with
/// <c>[Property(ApiRequestOptions.CreatesResource)] bool creates = true</c>; the handlers read them.
/// </summary>
internal static class ApiRequestOptions
{
    /// <summary>
    /// The call creates something, so sending it twice could create it twice or fail the second time (Owl creates with
    /// PUT). The resilience pipeline never resends such a call; the facades recover a lost create by name.
    /// </summary>
    public const string CreatesResource = UserGroupRequestProperties.CreatesResource;

    /// <summary>
    /// The success body is parsed as it arrives (a page), so the call handler hands it on as a
    /// <see cref="ResponseStream"/> instead of reading it whole first.
    /// </summary>
    public const string StreamedResponse = UserGroupRequestProperties.StreamedResponse;

    /// <summary>
    /// The call's success must carry a body: Refit answers an empty body or JSON <c>null</c> with
    /// <see langword="null"/>, so the call handler refuses them, naming the request and the status. The mark of a
    /// caller's own methods (<see cref="Http.ApiConnection.Api{TApi}(System.Text.Json.Serialization.JsonSerializerContext, IEnumerable{KeyValuePair{string, string}})"/>):
    /// the SDK's own methods require a body unless they carry <see cref="BodyOptional"/>.
    /// </summary>
    public const string BodyRequired = UserGroupRequestProperties.BodyRequired;

    /// <summary>
    /// The call's success may come without a body (a delete; one that a resend answers with an empty 204). The SDK's
    /// own methods mark these rather than the many that return a value: Refit puts three entries in every request's
    /// options, and a fourth makes the options grow, on every call. A caller's methods carry it by default.
    /// </summary>
    public const string BodyOptional = "UserGroupClient.BodyOptional";

    /// <summary>The typed key of <see cref="CreatesResource"/>.</summary>
    public static readonly HttpRequestOptionsKey<bool> CreatesResourceKey = new(CreatesResource);

    /// <summary>The typed key of <see cref="BodyRequired"/>.</summary>
    public static readonly HttpRequestOptionsKey<bool> BodyRequiredKey = new(BodyRequired);

    /// <summary>The typed key of <see cref="BodyOptional"/>.</summary>
    public static readonly HttpRequestOptionsKey<bool> BodyOptionalKey = new(BodyOptional);

    /// <summary>The typed key of <see cref="StreamedResponse"/>.</summary>
    public static readonly HttpRequestOptionsKey<bool> StreamedResponseKey = new(StreamedResponse);

    /// <summary>Whether <paramref name="request"/> carries <paramref name="key"/> set to <see langword="true"/>.</summary>
    public static bool Has(HttpRequestMessage request, HttpRequestOptionsKey<bool> key) =>
        request.Options.TryGetValue(key, out var value) && value;

    /// <summary>Whether a success answer to <paramref name="request"/> must carry a body (see <see cref="BodyOptional"/>).</summary>
    public static bool RequiresBody(HttpRequestMessage request) =>
        Has(request, BodyRequiredKey) || !Has(request, BodyOptionalKey);
}
