using System.Text.Json;
using Refit;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>
/// Every Kylin endpoint the SDK calls, one Refit method each: the KAP / Kyligence Enterprise 3.x v2 <c>user_group</c>
/// API (docs/wire/kylin.md §3), under the API root the connection's base address already holds (<c>…/kylin/api/</c>,
/// §1). Every call declares the v2 media type in <c>Accept</c> (each v2 handler produces only that type; without it
/// the server answers 406 or another API) and <c>Accept-Language: en</c> (the error mapper reads English messages).
/// Every answer is the envelope <c>{"code", "data", "msg"}</c> (§2): <see cref="KylinEnvelope{T}"/> raises
/// <see cref="BodyErrorException"/> for a code other than <c>"000"</c>, so an error reported with HTTP 200 reaches the
/// error mapper as the usual HTTP 500 <c>code "999"</c> does. The paged calls take a page index and a page size
/// (§3.1). Internal: <see cref="KylinUserGroupsApi"/> checks and escapes every value before it reaches Refit, which
/// neither refuses dot segments nor a <c>.</c> that KAP's suffix matching would cut (§5).
/// </summary>
[Headers("Accept: " + KylinUserGroupsApi.MediaType, "Accept-Language: en")]
internal interface IKylinEndpoints
{
    [Get("/user_group/groups")]
    Task<Stream> ListGroupsAsync(string project, CancellationToken cancellationToken, [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    [Get("/user_group/usersWithGroup")]
    Task<Stream> ListUsersWithGroupAsync(int pageOffset, int pageSize, CancellationToken cancellationToken, [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    // No body: the name in the path is the whole group (§3).
    [Post("/user_group/{groupName}")]
    Task<KylinEnvelope<JsonElement>> CreateGroupAsync(
        [Encoded] string groupName,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.CreatesResource)] bool creates = true);

    // BodyOptional: when a resend meets "group … does not exists", the resilience handler answers the call with an
    // empty 204 (the lost first attempt deleted the group), which Refit gives as null; an envelope is still checked.
    [Delete("/user_group/{groupName}")]
    Task<KylinEnvelope<JsonElement>?> DeleteGroupAsync([Encoded] string groupName, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    [Get("/user_group/groupMembers/{groupName}")]
    Task<Stream> ListGroupMembersAsync(
        [Encoded] string groupName,
        int pageOffset,
        int pageSize,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    // A bare JSON array of usernames that replaces the members (§4).
    [Put("/user_group/users/{groupName}")]
    Task<KylinEnvelope<JsonElement>> SetGroupUsersAsync(
        [Encoded] string groupName,
        [Body] List<string> usernames,
        CancellationToken cancellationToken);
}
