namespace UserGroupClient.MinApp;

/// <summary>MinApp's supergroup (组集) endpoints (<c>/oserve/v1/user-supergroup/</c>), one method per endpoint.</summary>
public interface IMinAppSuperGroupsApi
{
    /// <summary><c>GET /oserve/v1/user-supergroup/?limit=&amp;offset=</c>: one page of supergroups.</summary>
    Task<MinAppPage<MinAppSuperGroup>> ListAsync(MinAppPageRequest? page = null, CancellationToken cancellationToken = default);

    /// <summary>Every supergroup, page by page, following <c>meta.next</c>.</summary>
    IAsyncEnumerable<MinAppSuperGroup> ListAllAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /oserve/v1/user-supergroup/{id}/</c>.</summary>
    Task<MinAppSuperGroup> GetAsync(long superGroupId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /oserve/v1/user-supergroup/</c> with <c>{"name", "children"?}</c>.</summary>
    Task<MinAppSuperGroup> CreateAsync(MinAppSuperGroupCreate superGroup, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /oserve/v1/user-supergroup/{id}/</c> with <c>{"name", "children"}</c>: the children are replaced.</summary>
    Task<MinAppSuperGroup> UpdateAsync(long superGroupId, MinAppSuperGroupUpdate update, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /oserve/v1/user-supergroup/{id}/</c>.</summary>
    Task DeleteAsync(long superGroupId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /oserve/v1/user-supergroup/?id__in=1,2</c>; an empty list sends nothing.</summary>
    Task BulkDeleteAsync(IEnumerable<long> superGroupIds, CancellationToken cancellationToken = default);
}
