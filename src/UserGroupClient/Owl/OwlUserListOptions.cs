namespace UserGroupClient.Owl;

/// <summary>The parameters of <c>GET /api/v1/users</c>; <see langword="null"/> leaves a parameter out (the server's default).</summary>
public sealed record OwlUserListOptions
{
    /// <summary><c>q</c>: text the username, phone, WeChat id or mail contains.</summary>
    public string? Search { get; init; }

    /// <summary>
    /// <c>group_id</c>: only members of this user group; 0 is the server's default, every user. A negative value is
    /// refused with <see cref="ArgumentOutOfRangeException"/> before anything is sent.
    /// </summary>
    public int? GroupId { get; init; }

    /// <summary>
    /// <c>status</c>: only users with this status (1 is enabled). -1 is refused with
    /// <see cref="ArgumentOutOfRangeException"/> before anything is sent: the server reads it as "every status", which
    /// <see langword="null"/> asks for.
    /// </summary>
    public int? Status { get; init; }

    /// <summary>
    /// <c>hasNull</c>: <see langword="true"/> (sent as 1) lists only users whose phone, mail or WeChat id is empty;
    /// <see langword="false"/> (sent as 0) is the server's default, no filter, not "users with none empty".
    /// </summary>
    public bool? HasNull { get; init; }

    /// <summary><c>page</c>: the page, from 1 (the server's default); 0 asks for every user at once.</summary>
    public int? Page { get; init; }

    /// <summary><c>pageSize</c>: users per page; the server's default is 10.</summary>
    public int? PageSize { get; init; }
}
