namespace UserGroupClient.JumpServer;

/// <summary>One row of a relations POST body.</summary>
internal sealed record JumpServerRelationCreate(string User, string Usergroup);
