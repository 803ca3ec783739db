namespace UserGroupClient.JumpServer;

/// <summary>The body of a password login.</summary>
internal sealed record JumpServerLoginRequest(string Username, string Password);
