using System.Text.Json;
using Refit;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>
/// Every endpoint of the v4-public open API of Kylin 5 and Kyligence Enterprise 4.x (<c>OpenUserGroupController</c>;
/// docs/wire/kylin.md §12) the SDK calls, one Refit method each, under the API root
/// the connection's base address holds (<c>…/kylin/api/</c>). Every call declares the v4-public media type (plain JSON
/// gets 406, the v2 type 500) and <c>Accept-Language: en</c> (the messages are localized). JSON is snake_case; answers
/// are the envelope <c>{"code", "data", "msg"}</c>, lists a <c>DataResult</c> (<c>value</c>, <c>total_size</c>) paged by
/// page index (<c>page_offset</c>, <c>page_size</c>); errors carry a <c>KE-…</c> code. The group to create or delete
/// travels in a body (<c>{"group_name"}</c>), so no name depends on path routing. Internal:
/// <see cref="KylinOpenUserGroupsApi"/> checks and escapes every value before it reaches Refit.
/// </summary>
[Headers("Accept: " + KylinOpenUserGroupsApi.MediaType, "Accept-Language: en")]
internal interface IKylinOpenEndpoints
{
    // group_name: names that contain it, ignoring case unless is_case_sensitive is true.
    [Get("/user_group/groups")]
    Task<Stream> ListGroupsAsync(
        [AliasAs("group_name")] string? groupName,
        [AliasAs("is_case_sensitive")] string? isCaseSensitive,
        [AliasAs("page_offset")] int pageOffset,
        [AliasAs("page_size")] int pageSize,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    // username: members whose name contains it, ignoring case. An unknown group has no members.
    [Get("/user_group/group_members/{groupName}")]
    Task<Stream> ListGroupMembersAsync(
        [Encoded] string groupName,
        string? username,
        [AliasAs("page_offset")] int pageOffset,
        [AliasAs("page_size")] int pageSize,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    [Get("/user_group/users_with_group")]
    Task<Stream> ListUsersWithGroupAsync(
        [AliasAs("page_offset")] int pageOffset,
        [AliasAs("page_size")] int pageSize,
        [AliasAs("user_group_name")] string? userGroupName,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    [Post("/user_group")]
    Task<KylinEnvelope<JsonElement>> CreateGroupAsync(
        [Body] KylinGroupNameBody body,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.CreatesResource)] bool creates = true);

    // BodyOptional: a resend that meets "doesn't exist" is answered by the resilience handler with an empty 204.
    [Delete("/user_group")]
    Task<KylinEnvelope<JsonElement>?> DeleteGroupAsync([Body] KylinGroupNameBody body, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    // The full member list, which replaces the members in one transaction.
    [Put("/user_group/users")]
    Task<KylinEnvelope<JsonElement>> SetGroupUsersAsync(
        [Body] KylinGroupUsersBody body,
        CancellationToken cancellationToken);

    [Post("/user_group/batch")]
    Task<KylinEnvelope<JsonElement>> CreateGroupsAsync(
        [Body] List<string> groupNames,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.CreatesResource)] bool creates = true);

    [Delete("/user_group/batch")]
    Task<KylinEnvelope<JsonElement>?> DeleteGroupsAsync([Body] List<string> groupNames, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);
}
