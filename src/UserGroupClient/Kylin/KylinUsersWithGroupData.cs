namespace UserGroupClient.Kylin;

/// <summary>The <c>data</c> of <c>GET user_group/usersWithGroup</c>: one page of groups and the total.</summary>
internal sealed record KylinUsersWithGroupData
{
    public List<KylinGroupUsers>? UsersWithGroup { get; init; }

    public int Size { get; init; }
}
