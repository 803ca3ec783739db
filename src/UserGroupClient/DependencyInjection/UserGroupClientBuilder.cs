namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The builder an <c>Add…Client</c> method returns: the client's own HttpClient builder, which also knows the client
/// it belongs to, so that <see cref="UserGroupClientBuilderExtensions.AddApi{TApi}"/> can build on it.
/// </summary>
internal sealed class UserGroupClientBuilder(IHttpClientBuilder inner, string clientName, Type clientType) : IHttpClientBuilder
{
    public string Name => inner.Name;

    public IServiceCollection Services => inner.Services;

    /// <summary>The name the client was registered under, its service key.</summary>
    public string ClientName { get; } = clientName;

    /// <summary>The client's type, a <see cref="UserGroupClient.UserGroupApiClient"/>.</summary>
    public Type ClientType { get; } = clientType;
}
