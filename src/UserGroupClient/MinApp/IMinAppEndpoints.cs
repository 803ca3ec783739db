using Refit;
using UserGroupClient.Http;

namespace UserGroupClient.MinApp;

/// <summary>
/// Every MinApp endpoint the SDK calls through Refit, one method each, exactly as the server routes them
/// (docs/wire/minapp.md §4): every path ends in <c>/</c>, every call sends <c>Accept: application/json</c>, and the
/// oserve calls name the test environment in <c>X-Hydrogen-Env-ID</c> when the client has one (§1.5; a
/// <see langword="null"/> value sends no header, so the call reaches production). Lists answer the envelope of §2
/// and are streamed; a list's <c>meta.next</c> is a host-relative path, followed with <see cref="NextPageAsync"/>.
/// Creates answer 201 with the object or only a <c>Location</c>, and a PUT may answer 204 (§4.1): those methods give
/// an <see cref="ApiResponse{T}"/> so the caller sees the headers and an empty body. The token endpoint reads form
/// fields only (§1.2); the authorize step before it (§1.1) is not here, as it follows its redirects hop by hop
/// (<see cref="MinAppAuthorizeFlow"/>). Internal: the typed APIs check every value before it reaches Refit.
/// </summary>
[Headers("Accept: application/json")]
internal interface IMinAppEndpoints
{
    [Get("/oserve/v1/user-group/")]
    Task<Stream> ListUserGroupsAsync(
        [Header("X-Hydrogen-Env-ID")] string? environmentId,
        int limit,
        int? offset,
        [AliasAs("parent_id")] long? parentId,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    [Get("/oserve/v1/user-group/{groupId}/")]
    Task<MinAppUserGroup> GetUserGroupAsync([Header("X-Hydrogen-Env-ID")] string? environmentId, long groupId, CancellationToken cancellationToken);

    [Post("/oserve/v1/user-group/")]
    Task<ApiResponse<MinAppUserGroup>> CreateUserGroupAsync(
        [Header("X-Hydrogen-Env-ID")] string? environmentId,
        [Body] MinAppUserGroupBody group,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.CreatesResource)] bool creates = true,
        [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    [Put("/oserve/v1/user-group/{groupId}/")]
    Task<ApiResponse<MinAppUserGroup>> UpdateUserGroupAsync([Header("X-Hydrogen-Env-ID")] string? environmentId, long groupId, [Body] MinAppUserGroupBody group, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    /// <summary>The PUT that takes a group out of its supergroup: its body sends <c>"parent": null</c>.</summary>
    [Put("/oserve/v1/user-group/{groupId}/")]
    Task<ApiResponse<MinAppUserGroup>> DetachUserGroupAsync([Header("X-Hydrogen-Env-ID")] string? environmentId, long groupId, [Body] MinAppUserGroupDetachBody group, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    [Delete("/oserve/v1/user-group/{groupId}/")]
    Task DeleteUserGroupAsync([Header("X-Hydrogen-Env-ID")] string? environmentId, long groupId, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    [Delete("/oserve/v1/user-group/")]
    Task DeleteUserGroupsAsync([Header("X-Hydrogen-Env-ID")] string? environmentId, [AliasAs("id__in")] string ids, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    [Get("/oserve/v1/user-supergroup/")]
    Task<Stream> ListSuperGroupsAsync(
        [Header("X-Hydrogen-Env-ID")] string? environmentId,
        int limit,
        int? offset,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    [Get("/oserve/v1/user-supergroup/{superGroupId}/")]
    Task<MinAppSuperGroup> GetSuperGroupAsync([Header("X-Hydrogen-Env-ID")] string? environmentId, long superGroupId, CancellationToken cancellationToken);

    [Post("/oserve/v1/user-supergroup/")]
    Task<ApiResponse<MinAppSuperGroup>> CreateSuperGroupAsync(
        [Header("X-Hydrogen-Env-ID")] string? environmentId,
        [Body] MinAppSuperGroupBody superGroup,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.CreatesResource)] bool creates = true,
        [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    [Put("/oserve/v1/user-supergroup/{superGroupId}/")]
    Task<ApiResponse<MinAppSuperGroup>> UpdateSuperGroupAsync([Header("X-Hydrogen-Env-ID")] string? environmentId, long superGroupId, [Body] MinAppSuperGroupBody superGroup, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    [Delete("/oserve/v1/user-supergroup/{superGroupId}/")]
    Task DeleteSuperGroupAsync([Header("X-Hydrogen-Env-ID")] string? environmentId, long superGroupId, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    [Delete("/oserve/v1/user-supergroup/")]
    Task DeleteSuperGroupsAsync([Header("X-Hydrogen-Env-ID")] string? environmentId, [AliasAs("id__in")] string ids, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    [Patch("/oserve/v1/miniapp/group/membership/")]
    Task PatchMembershipAsync([Header("X-Hydrogen-Env-ID")] string? environmentId, [Body] List<MinAppMembershipOperationWire> operations, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    [Get("/oserve/v1/miniapp/user-profile/")]
    Task<Stream> ListUserProfilesAsync(
        [Header("X-Hydrogen-Env-ID")] string? environmentId,
        [AliasAs("group__in")] string groupIds,
        int limit,
        int? offset,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    /// <summary>
    /// The page a list's <c>meta.next</c> names (§2): an absolute address on the base address's origin, which the
    /// caller made from the link and checked (<see cref="MinAppPaging.HostRelative"/>). The link is host-relative, so
    /// it is not resolved against the base address's path.
    /// </summary>
    [Get("")]
    Task<Stream> NextPageAsync(
        [Url] string next,
        [Header("X-Hydrogen-Env-ID")] string? environmentId,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    /// <summary>
    /// Both grants of the token endpoint (§1.2, §1.3), on the unauthenticated connection. The body is
    /// <see cref="MinAppTokenForm"/>'s multipart encoding, sent byte for byte as the SDK has always sent it, rather than
    /// through a Refit <c>[Multipart]</c> method, whose parts .NET writes with headers of its own.
    /// </summary>
    [Post("/api/oauth2/access_token/")]
    Task<MinAppTokenResponse> ExchangeTokenAsync([Body] HttpContent form, CancellationToken cancellationToken);
}
