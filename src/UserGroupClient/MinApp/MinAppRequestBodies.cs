using System.Text.Json.Serialization;

namespace UserGroupClient.MinApp;

/// <summary><c>{"name", "parent"?}</c>: a <see langword="null"/> parent is left out.</summary>
internal sealed record MinAppUserGroupBody(string Name, long? Parent);

/// <summary><c>{"name", "parent": null}</c>: takes a group out of its supergroup.</summary>
internal sealed record MinAppUserGroupDetachBody(string Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Parent);

/// <summary><c>{"name", "children"?}</c>.</summary>
internal sealed record MinAppSuperGroupBody(string Name, IReadOnlyList<long>? Children);

/// <summary><c>{"op", "path": "/membership", "users", "groups"}</c>.</summary>
internal sealed record MinAppMembershipOperationWire(string Op, string Path, IReadOnlyList<long> Users, IReadOnlyList<long> Groups);
