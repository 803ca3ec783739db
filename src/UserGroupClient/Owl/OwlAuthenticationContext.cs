using UserGroupClient.Http;

namespace UserGroupClient.Owl;

/// <summary>What credentials need to build their handler: the login connection (no authentication on it) and the clock.</summary>
/// <param name="LoginConnection">Sends to the server without authentication, for login and refresh.</param>
/// <param name="TimeProvider">The client's clock.</param>
internal sealed record OwlAuthenticationContext(ApiConnection LoginConnection, TimeProvider TimeProvider);
