namespace UserGroupClient.Kylin;

/// <summary>The <c>data</c> of <c>GET user_group/groupMembers/{name}</c>: one page of members and the total.</summary>
internal sealed record KylinGroupMembersData
{
    public List<KylinManagedUser>? GroupMembers { get; init; }

    public int Size { get; init; }
}
