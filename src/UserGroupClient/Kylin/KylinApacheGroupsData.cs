namespace UserGroupClient.Kylin;

/// <summary>The <c>data</c> of Apache Kylin's <c>GET user_group/groups</c>: one page of groups with their usernames (a map, unordered) and the number of matches.</summary>
internal sealed record KylinApacheGroupsData
{
    public Dictionary<string, List<string>>? Groups { get; init; }

    public int Size { get; init; }
}
