using UserGroupClient.Http;

namespace UserGroupClient.MinApp;

/// <summary>What credentials need to build their handler.</summary>
/// <param name="TokenConnection">Sends to the token endpoint without authentication.</param>
/// <param name="Transport">The unauthenticated chain (no redirects followed, no cookies kept) the authorize step sends each hop through.</param>
/// <param name="TimeProvider">The client's clock.</param>
/// <param name="Timeout">How long the whole authorize step may take.</param>
internal sealed record MinAppAuthenticationContext(ApiConnection TokenConnection, HttpMessageInvoker Transport, TimeProvider TimeProvider, TimeSpan Timeout);
