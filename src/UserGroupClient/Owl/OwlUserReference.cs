namespace UserGroupClient.Owl;

/// <summary>A user sent as a member: <c>{"id":1}</c>; Owl reads only the id of each member.</summary>
internal sealed record OwlUserReference(int Id);
