namespace UserGroupClient.Owl;

/// <summary><c>PUT /api/v1/usergroups</c>: <c>{"code","message","group"}</c>.</summary>
internal sealed class OwlUserGroupResponse : OwlEnvelope
{
    public OwlUserGroup? Group { get; init; }
}
