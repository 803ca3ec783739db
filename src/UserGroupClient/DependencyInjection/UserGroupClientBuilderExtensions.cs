using System.Text.Json.Serialization;
using UserGroupClient;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Your own endpoints of a registered client's server, through the client's whole pipeline.</summary>
public static class UserGroupClientBuilderExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TApi"/>, a Refit interface of your own for other endpoints of the client's server,
    /// as a singleton keyed by the client's name: resolve it with <c>GetRequiredKeyedService&lt;TApi&gt;(name)</c> or
    /// <c>[FromKeyedServices(name)]</c>. Its calls go through everything the client's do (authentication, the
    /// dialect's headers, resilience, logging, telemetry, the response size limit, the SDK's exceptions); see
    /// <see cref="UserGroupApiClient.CreateApi{TApi}"/> for what the SDK checks and what your interface must check.
    /// </summary>
    /// <remarks>
    /// Named <c>AddApi</c>, not after Refit.HttpClientFactory's <c>AddRefitClient</c>: those register an interface over a
    /// plain HttpClient, without the SDK's handlers or exception factories.
    /// </remarks>
    /// <typeparam name="TApi">A Refit interface.</typeparam>
    /// <param name="builder">What <c>AddJumpServerClient</c>, <c>AddMinAppClient</c>, <c>AddKylinClient</c> or <c>AddOwlClient</c> returned.</param>
    /// <param name="jsonContext">The source-generated contracts of the interface's bodies; <see langword="null"/> for the dialect's own wire types only.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="builder"/> is not one an <c>Add…Client</c> method returned.</exception>
    public static IHttpClientBuilder AddApi<TApi>(this IHttpClientBuilder builder, JsonSerializerContext? jsonContext = null)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder is not UserGroupClientBuilder client)
        {
            throw new InvalidOperationException($"AddApi<{typeof(TApi).Name}>() extends the builder that AddJumpServerClient, AddMinAppClient, AddKylinClient or AddOwlClient returns, not '{builder.Name}'.");
        }

        builder.Services.AddKeyedSingleton(client.ClientName, (provider, key) =>
            ((UserGroupApiClient)provider.GetRequiredKeyedService(client.ClientType, key)).CreateApi<TApi>(jsonContext));
        return builder;
    }
}
