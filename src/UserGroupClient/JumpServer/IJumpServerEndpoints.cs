using Refit;
using UserGroupClient.Http;

namespace UserGroupClient.JumpServer;

/// <summary>
/// Every JumpServer endpoint the SDK calls, one Refit method each, exactly as the server routes them
/// (docs/wire/jumpserver.md): paths end in <c>/</c>, every call sends <c>Accept: application/json</c> (the default
/// Access Key signature covers it, and HttpClient adds none by itself), group calls name their organization in
/// <c>X-JMS-ORG</c>. Internal: <see cref="JumpServerUserGroupsApi"/> checks every value before it reaches Refit,
/// which neither refuses dot segments nor CR/LF in header values.
/// </summary>
[Headers("Accept: application/json")]
internal interface IJumpServerEndpoints
{
    [Get("/api/v1/users/groups/")]
    Task<Stream> ListGroupsAsync(
        [Header("X-JMS-ORG")] string organizationId,
        int limit,
        int? offset,
        string? search,
        string? name,
        string? order,
        string? spm,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    [Get("/api/v1/users/groups/{groupId}/")]
    Task<JumpServerUserGroup> GetGroupAsync([Header("X-JMS-ORG")] string organizationId, [Encoded] string groupId, CancellationToken cancellationToken);

    [Post("/api/v1/users/groups/")]
    Task<JumpServerUserGroup> CreateGroupAsync(
        [Header("X-JMS-ORG")] string organizationId,
        [Body] JumpServerUserGroupCreate group,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.CreatesResource)] bool creates = true);

    [Put("/api/v1/users/groups/{groupId}/")]
    Task<JumpServerUserGroup> UpdateGroupAsync([Header("X-JMS-ORG")] string organizationId, [Encoded] string groupId, [Body] JumpServerUserGroupUpdate group, CancellationToken cancellationToken);

    [Patch("/api/v1/users/groups/{groupId}/")]
    Task<JumpServerUserGroup> PatchGroupAsync([Header("X-JMS-ORG")] string organizationId, [Encoded] string groupId, [Body] JumpServerUserGroupPatch patch, CancellationToken cancellationToken);

    [Delete("/api/v1/users/groups/{groupId}/")]
    Task DeleteGroupAsync([Header("X-JMS-ORG")] string organizationId, [Encoded] string groupId, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    [Delete("/api/v1/users/groups/")]
    Task DeleteGroupsAsync([Header("X-JMS-ORG")] string organizationId, string spm, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    [Post("/api/v1/users/groups/{groupId}/add-all-users/")]
    Task AddAllUsersAsync([Header("X-JMS-ORG")] string organizationId, [Encoded] string groupId, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    [Post("/api/v1/common/resources/cache/")]
    Task<JumpServerResourceCacheResult> CacheResourcesAsync([Header("X-JMS-ORG")] string organizationId, [Body] JumpServerResourceCache resources, CancellationToken cancellationToken);

    [Post("/api/v1/users/users-groups-relations/")]
    Task<List<JumpServerUserGroupRelation>> AddRelationsAsync([Header("X-JMS-ORG")] string organizationId, [Body] List<JumpServerRelationCreate> relations, CancellationToken cancellationToken);

    [Delete("/api/v1/users/users-groups-relations/")]
    Task RemoveRelationAsync([Header("X-JMS-ORG")] string organizationId, string usergroup, string user, CancellationToken cancellationToken, [Property(ApiRequestOptions.BodyOptional)] bool bodyOptional = true);

    [Get("/api/v1/users/users/")]
    Task<Stream> ListUsersAsync(
        [Header("X-JMS-ORG")] string organizationId,
        [AliasAs("group_id")] string? groupId,
        int limit,
        int? offset,
        CancellationToken cancellationToken,
        [Property(ApiRequestOptions.StreamedResponse)] bool streamed = true);

    [Post("/api/v1/authentication/auth/")]
    Task<JumpServerLoginResponse> LoginAsync([Body] JumpServerLoginRequest login, CancellationToken cancellationToken);
}
