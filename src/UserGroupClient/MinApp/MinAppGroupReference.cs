namespace UserGroupClient.MinApp;

/// <summary>A group named inside another object: a user group's <c>parent</c> supergroup, or a supergroup's child.</summary>
/// <param name="Id">The group's id.</param>
/// <param name="Name">The group's name.</param>
public sealed record MinAppGroupReference(long Id, string Name);
