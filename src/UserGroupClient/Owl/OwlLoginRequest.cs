namespace UserGroupClient.Owl;

/// <summary>The body of <c>POST /api/v1/login</c>.</summary>
internal sealed record OwlLoginRequest(string Username, string Password);
