namespace UserGroupClient.Owl;

/// <summary><c>GET /api/v1/users</c>: <c>{"code","users","total"}</c>.</summary>
internal sealed class OwlUserListResponse : OwlEnvelope
{
    public List<OwlUser>? Users { get; init; }

    public int? Total { get; init; }
}
