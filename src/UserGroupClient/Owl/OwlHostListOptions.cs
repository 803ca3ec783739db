namespace UserGroupClient.Owl;

/// <summary>The parameters of <c>GET /api/v1/hosts</c> and <c>GET /api/v1/groups/{id}/hosts</c>; <see langword="null"/> leaves one out.</summary>
public sealed record OwlHostListOptions
{
    /// <summary><c>q</c>: text the name, host name or IP contains.</summary>
    public string? Search { get; init; }

    /// <summary><c>status</c>: only hosts with this status (<c>"0"</c> to <c>"3"</c>).</summary>
    public string? Status { get; init; }

    /// <summary>
    /// <c>group_id</c> (<c>/api/v1/hosts</c> only): only hosts of this group; 0 means hosts in no group. A negative
    /// value is refused with <see cref="ArgumentOutOfRangeException"/> before anything is sent.
    /// </summary>
    public int? GroupId { get; init; }

    /// <summary>
    /// <c>page</c>: the page, from 1. On <c>/api/v1/hosts</c> 0 means every host at once; on
    /// <c>/api/v1/groups/{id}/hosts</c>, where Owl would answer page 1 for it, 0 is refused with
    /// <see cref="ArgumentOutOfRangeException"/> before anything is sent. A negative page is refused on both.
    /// </summary>
    public int? Page { get; init; }

    /// <summary><c>pageSize</c>: hosts per page; the server's default is 10.</summary>
    public int? PageSize { get; init; }
}
