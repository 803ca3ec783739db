namespace UserGroupClient.Owl;

/// <summary><c>GET</c> and <c>POST /api/v1/usergroups</c>: <c>{"code","groups"}</c>.</summary>
internal sealed class OwlUserGroupsResponse : OwlEnvelope
{
    public List<OwlUserGroup>? Groups { get; init; }
}
