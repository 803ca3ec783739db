using System.Text.Json;
using Refit;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>
/// Every endpoint of Apache Kylin 3.x/4.x's <c>user_group</c> API the SDK calls (<c>KylinUserGroupController</c>,
/// identical from 3.0 to 4.0; docs/wire/kylin.md §11), one Refit method each, under the API root the
/// connection's base address holds (<c>…/kylin/api/</c>). The handlers produce only <c>application/json</c> (any other
/// type gets 406). Answers are the envelope <c>{"code", "data", "msg"}</c>: a write's <c>data</c> is <c>null</c>, and
/// business errors are HTTP 500 with code <c>999</c> and the exception's text. <c>groups</c> pages by row
/// (<c>offset</c>, <c>limit</c>) and reports the number of matches as <c>size</c>; <c>users/{group}</c> is not paged.
/// Internal: <see cref="KylinApacheUserGroupsApi"/> checks and escapes every value before it reaches Refit.
/// </summary>
[Headers("Accept: " + KylinApacheUserGroupsApi.MediaType, "Accept-Language: en")]
internal interface IKylinApacheEndpoints
{
    // isFuzzMatch false: the exact name; true: names that contain it, ignoring case. No project: global admins only.
    [Get("/user_group/groups")]
    Task<Stream> ListGroupsAsync(
        string? project,
        string? name,
        string? isFuzzMatch,
        int offset,
        int limit,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    // Every member at once, sorted ignoring case; the server sends each user's password hash, which is read past.
    [Get("/user_group/users/{groupName}")]
    Task<Stream> ListGroupUsersAsync([Encoded] string groupName, CancellationToken cancellationToken, [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    // No body: the name in the path is the whole group.
    [Post("/user_group/{groupName}")]
    Task<KylinEnvelope<JsonElement>> CreateGroupAsync(
        [Encoded] string groupName,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.CreatesResource)] bool creates = true);

    // BodyOptional: a resend that meets "does not exists" is answered by the resilience handler with an empty 204.
    [Delete("/user_group/{groupName}")]
    Task<KylinEnvelope<JsonElement>?> DeleteGroupAsync([Encoded] string groupName, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    // A bare JSON array of usernames that replaces the members (POST does the same).
    [Put("/user_group/users/{groupName}")]
    Task<KylinEnvelope<JsonElement>> SetGroupUsersAsync(
        [Encoded] string groupName,
        [Body] List<string> usernames,
        CancellationToken cancellationToken);
}
