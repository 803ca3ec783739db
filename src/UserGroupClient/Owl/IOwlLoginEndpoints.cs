using Refit;
using UserGroupClient.Http;

namespace UserGroupClient.Owl;

/// <summary>
/// Owl's credential exchanges (docs/wire/owl.md §3), sent on the unauthenticated connection: the login with the
/// password in a JSON body, and the renewal with the current token as Bearer. Both answer <c>{"token","expire"}</c>
/// without a <c>code</c>, and refusals with a real status and the envelope. Apart from the API calls
/// (<see cref="IOwlEndpoints"/>) because they send no <c>Accept</c> header, as the SDK never has.
/// </summary>
internal interface IOwlLoginEndpoints
{
    [Post("/api/v1/login")]
    Task<OwlLoginResponse> LoginAsync([Body] OwlLoginRequest login, CancellationToken cancellationToken);

    [Get("/api/v1/refresh_token")]
    Task<OwlLoginResponse> RefreshTokenAsync([Header("Authorization")] string authorization, CancellationToken cancellationToken);
}
