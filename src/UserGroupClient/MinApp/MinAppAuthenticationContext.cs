using UserGroupClient.Http;

namespace UserGroupClient.MinApp;

/// <summary>What credentials need to build their handler.</summary>
/// <param name="TokenConnection">
/// Sends to the authorize and token endpoints without authentication, over a transport that follows no redirects and
/// keeps no cookies; the authorize step sends each of its hops through its handler chain.
/// </param>
/// <param name="TimeProvider">The client's clock.</param>
internal sealed record MinAppAuthenticationContext(ApiConnection TokenConnection, TimeProvider TimeProvider);
