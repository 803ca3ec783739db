namespace UserGroupClient.Kylin;

/// <summary>The body of the v4-public member replace: <c>{"group_name": …, "users": […]}</c>.</summary>
internal sealed record KylinGroupUsersBody(string GroupName, List<string> Users);
