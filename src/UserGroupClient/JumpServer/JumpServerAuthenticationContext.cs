using UserGroupClient.Http;

namespace UserGroupClient.JumpServer;

/// <summary>What credentials need to build their handler: the login connection (no authentication on it) and the clock.</summary>
/// <param name="LoginConnection">Sends to the server without authentication, for token logins.</param>
/// <param name="TimeProvider">The client's clock.</param>
internal sealed record JumpServerAuthenticationContext(ApiConnection LoginConnection, TimeProvider TimeProvider);
