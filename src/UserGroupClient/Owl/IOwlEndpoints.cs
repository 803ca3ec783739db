using Refit;
using UserGroupClient.Http;

namespace UserGroupClient.Owl;

/// <summary>
/// Every Owl v4 API endpoint the SDK calls, one Refit method each, exactly as the server routes them
/// (docs/wire/owl.md §2): paths under <c>/api/v1</c> without a trailing slash, every call sends
/// <c>Accept: application/json</c>. PUT creates (so those calls are marked <see cref="ApiRequestOptions.CreatesResource"/>),
/// POST updates. Every answer is HTTP 200 with the outcome in the envelope's <c>code</c> (§4): the envelope types raise
/// <see cref="BodyErrorException"/> while they are parsed (<see cref="OwlEnvelope"/>). Lists are parsed as they arrive.
/// Internal: the typed APIs check every value before it reaches Refit, which refuses neither dot segments nor control
/// characters with the parameter's name.
/// </summary>
[Headers("Accept: application/json")]
internal interface IOwlEndpoints
{
    // §7: page 0 answers every user at once; hasNull is sent as 1 or 0.
    [Get("/api/v1/users")]
    Task<Stream> ListUsersAsync(
        string? q,
        [AliasAs("group_id")] int? groupId,
        int? status,
        int? hasNull,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    [Put("/api/v1/users")]
    Task<OwlUserResponse> CreateUserAsync(
        [Body] OwlUser user,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.CreatesResource)] bool creates = true);

    // §7: the answer carries no user, only the envelope.
    [Post("/api/v1/users")]
    Task<OwlEnvelope> UpdateUserAsync([Body] OwlUser user, CancellationToken cancellationToken);

    // BodyOptional on the deletes: a resend that met "not found" (§4: code 404 on HTTP 200) is answered with an
    // empty 204 by the resilience handler, which Refit gives as null and the typed APIs take for success.
    [Delete("/api/v1/users/{userId}")]
    Task<OwlEnvelope?> DeleteUserAsync(int userId, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    // §7: no paging.
    [Get("/api/v1/usergroups")]
    Task<Stream> ListUserGroupsAsync(string? q, CancellationToken cancellationToken, [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    [Put("/api/v1/usergroups")]
    Task<OwlUserGroupResponse> CreateUserGroupAsync(
        [Body] OwlUserGroupBody group,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.CreatesResource)] bool creates = true);

    // §7: the body is a JSON array; the answer echoes it.
    [Post("/api/v1/usergroups")]
    Task<OwlUserGroupsResponse> UpdateUserGroupsAsync([Body] List<OwlUserGroupBody> groups, CancellationToken cancellationToken);

    [Delete("/api/v1/usergroups/{groupId}")]
    Task<OwlEnvelope?> DeleteUserGroupAsync(int groupId, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    // §7: no paging, no hosts.
    [Get("/api/v1/groups")]
    Task<Stream> ListHostGroupsAsync(string? q, CancellationToken cancellationToken, [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    [Put("/api/v1/groups")]
    Task<OwlHostGroupResponse> CreateHostGroupAsync(
        [Body] OwlHostGroupBody group,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.CreatesResource)] bool creates = true);

    [Post("/api/v1/groups")]
    Task<OwlHostGroupResponse> UpdateHostGroupAsync([Body] OwlHostGroupBody group, CancellationToken cancellationToken);

    // §5: the success answer has no code; the refusal of a group that holds hosts carries code 200.
    [Delete("/api/v1/groups/{groupId}")]
    Task<OwlEnvelope?> DeleteHostGroupAsync(int groupId, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    // §7: no total; page 0 is not "all" here.
    [Get("/api/v1/groups/{groupId}/hosts")]
    Task<Stream> ListGroupHostsAsync(
        int groupId,
        string? status,
        string? q,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    // §7: group_id 0 means hosts in no group; without a page every host comes at once.
    [Get("/api/v1/hosts")]
    Task<Stream> ListHostsAsync(
        [AliasAs("group_id")] int? groupId,
        string? status,
        string? q,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);
}
