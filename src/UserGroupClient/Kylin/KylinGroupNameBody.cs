namespace UserGroupClient.Kylin;

/// <summary>The body of a v4-public create or delete: <c>{"group_name": …}</c>.</summary>
internal sealed record KylinGroupNameBody(string GroupName);
