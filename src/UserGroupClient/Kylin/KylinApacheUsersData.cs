namespace UserGroupClient.Kylin;

/// <summary>The <c>data</c> of Apache Kylin's <c>GET user_group/users/{group}</c>: every member.</summary>
internal sealed record KylinApacheUsersData
{
    public List<KylinManagedUser>? Users { get; init; }
}
