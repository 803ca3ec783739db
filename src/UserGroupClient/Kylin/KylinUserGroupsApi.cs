using System.Text.Json;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>The implementation of <see cref="IKylinUserGroupsApi"/> over the transport core.</summary>
internal sealed class KylinUserGroupsApi : IKylinUserGroupsApi
{
    /// <summary>The media type every v2 handler declares; without it the server answers 406 or another API.</summary>
    public const string MediaType = "application/vnd.apache.kylin-v2+json";

    private const string Root = "user_group/";

    private static readonly KylinJsonContext Json = KylinJsonContext.Default;

    private readonly ApiConnection _connection;
    private readonly int _defaultPageSize;

    public KylinUserGroupsApi(ApiConnection connection, string project, int defaultPageSize)
    {
        _connection = connection;
        Project = project;
        _defaultPageSize = defaultPageSize;
    }

    public string Project { get; }

    public async Task<IReadOnlyList<string>> ListGroupsAsync(string? project = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryString().Add("project", ApiUri.RejectControlCharacters(project ?? Project, nameof(project)));
        var envelope = await SendAsync(Request(HttpMethod.Get, Root + "groups" + query), Json.KylinEnvelopeListString, cancellationToken).ConfigureAwait(false);
        return envelope.Data ?? [];
    }

    public async Task<KylinPage<KylinGroupUsers>> ListUsersWithGroupAsync(int pageOffset = 0, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var size = pageSize ?? _defaultPageSize;
        KylinInput.Page(pageOffset, size);
        var request = Request(HttpMethod.Get, Root + "usersWithGroup" + PageQuery(pageOffset, size));
        var envelope = await SendAsync(request, Json.KylinEnvelopeKylinUsersWithGroupData, cancellationToken).ConfigureAwait(false);
        return new KylinPage<KylinGroupUsers>(envelope.Data?.UsersWithGroup ?? [], envelope.Data?.Size ?? 0, pageOffset, size);
    }

    public IAsyncEnumerable<KylinGroupUsers> ListAllUsersWithGroupAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        AllPages(pageSize, (index, size, ct) => ListUsersWithGroupAsync(index, size, ct), cancellationToken);

    public Task CreateGroupAsync(string groupName, CancellationToken cancellationToken = default) =>
        SendAsync(Request(HttpMethod.Post, Root + KylinInput.GroupSegment(groupName, nameof(groupName))), Json.KylinEnvelopeJsonElement, cancellationToken);

    public Task DeleteGroupAsync(string groupName, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName));
        return KylinBuiltInGroups.RefuseDelete(groupName) is { } refused
            ? Task.FromException(refused)
            
            // An envelope, or the empty 204 the SDK gives a resend that found the group already deleted by the attempt
            // whose answer was lost.
            : _connection.SendAllowingEmptyAsync(Request(HttpMethod.Delete, Root + segment), Json.KylinEnvelopeJsonElement, KylinEnvelope<System.Text.Json.JsonElement>.IsError, cancellationToken);
    }

    public async Task<KylinPage<KylinManagedUser>> ListGroupMembersAsync(string groupName, int pageOffset = 0, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName));
        var size = pageSize ?? _defaultPageSize;
        KylinInput.Page(pageOffset, size);
        var request = Request(HttpMethod.Get, Root + "groupMembers/" + segment + PageQuery(pageOffset, size));
        var envelope = await SendAsync(request, Json.KylinEnvelopeKylinGroupMembersData, cancellationToken).ConfigureAwait(false);
        return new KylinPage<KylinManagedUser>(envelope.Data?.GroupMembers ?? [], envelope.Data?.Size ?? 0, pageOffset, size);
    }

    public IAsyncEnumerable<KylinManagedUser> ListAllGroupMembersAsync(string groupName, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        KylinInput.GroupName(groupName, nameof(groupName));
        return AllPages(pageSize, (index, size, ct) => ListGroupMembersAsync(groupName, index, size, ct), cancellationToken);
    }

    public Task SetGroupUsersAsync(string groupName, IEnumerable<string> usernames, CancellationToken cancellationToken = default)
    {
        var segment = KylinInput.GroupSegment(groupName, nameof(groupName));
        var body = KylinInput.Usernames(usernames, nameof(usernames));
        if (KylinBuiltInGroups.RefuseMembershipChange(groupName) is { } refused)
        {
            return Task.FromException(refused);
        }

        var request = Request(HttpMethod.Put, Root + "users/" + segment).WithJson(body, Json.ListString);
        return SendAsync(request, Json.KylinEnvelopeJsonElement, cancellationToken);
    }

    private static string PageQuery(int pageOffset, int pageSize) =>
        new QueryString().Add("pageOffset", pageOffset).Add("pageSize", pageSize).ToString();

    private static ApiRequest Request(HttpMethod method, string relativeUri) =>
        new ApiRequest(method, relativeUri).WithHeader("Accept", MediaType).WithHeader("Accept-Language", "en");

    private IAsyncEnumerable<T> AllPages<T>(int? pageSize, Func<int, int, CancellationToken, Task<KylinPage<T>>> fetch, CancellationToken cancellationToken)
    {
        var size = pageSize ?? _defaultPageSize;
        KylinInput.Page(0, size);

        // Kylin pages by index (pageOffset * pageSize rows are skipped); Paging hands out row offsets of full pages.
        return Paging.ByOffsetAsync(
            size,
            async (offset, limit, ct) =>
            {
                var page = await fetch(offset / limit, limit, ct).ConfigureAwait(false);
                return new OffsetPage<T>(page.Items, page.TotalCount);
            },
            cancellationToken);
    }

    private Task<KylinEnvelope<T>> SendAsync<T>(ApiRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<KylinEnvelope<T>> typeInfo, CancellationToken cancellationToken) =>
        _connection.SendAsync(request, typeInfo, KylinEnvelope<T>.IsError, cancellationToken);
}
