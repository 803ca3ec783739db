namespace UserGroupClient.Owl;

/// <summary><c>GET /api/v1/groups</c>: <c>{"code","groups"}</c>.</summary>
internal sealed class OwlHostGroupsResponse : OwlEnvelope
{
    public List<OwlHostGroup>? Groups { get; init; }
}
