using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// A view of a configuration section without some of its keys: what the generated binder is given, so that it never
/// meets the settings it cannot make (it throws on a <c>Credentials</c> section, whose types only factories build;
/// <see cref="ConfigurationReader.Credentials{T}"/> reads that one from the whole section).
/// </summary>
internal sealed class ConfigurationWithout(IConfiguration inner, params string[] hidden) : IConfiguration
{
    private static readonly IConfiguration Nothing = new ConfigurationBuilder().Build();

    public string? this[string key]
    {
        get => Hides(key) ? null : inner[key];
        set => throw new NotSupportedException("The binder's view of the configuration is read-only.");
    }

    public IEnumerable<IConfigurationSection> GetChildren() => inner.GetChildren().Where(child => !Hides(child.Key));

    public IChangeToken GetReloadToken() => inner.GetReloadToken();

    public IConfigurationSection GetSection(string key) => Hides(key) ? Nothing.GetSection(key) : inner.GetSection(key);

    private bool Hides(string key)
    {
        var first = key.Split(ConfigurationPath.KeyDelimiter, 2)[0];
        return hidden.Any(name => string.Equals(name, first, StringComparison.OrdinalIgnoreCase));
    }
}
