using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace UserGroupClient.Tests.DependencyInjection;

/// <summary>
/// The view of a client's section the generated binder reads: the settings only factories or the application can make
/// (by their first key segment, any case) are not in it, everything else is, and nothing can be written through it.
/// </summary>
public sealed class BinderViewTests
{
    private static readonly IConfiguration Section = Registered.Configuration(
        ("BaseAddress", "https://jms.example.com/"),
        ("Credentials:Type", "Bearer"),
        ("credentials:Token", "tok-8812"),
        ("TimeProvider", "System"),
        ("Resilience:MaxRetryAttempts", "5"),
        ("CredentialsExtra", "kept"));

    [Fact]
    public void HiddenSettingsAreAbsentAtEveryDepth()
    {
        var view = new ConfigurationWithout(Section, "Credentials", "TimeProvider");

        Assert.Null(view["Credentials:Type"]);
        Assert.Null(view["CREDENTIALS:Token"]);
        Assert.Null(view["TimeProvider"]);
        Assert.False(view.GetSection("Credentials").Exists());
        Assert.Null(view.GetSection("credentials")["Type"]);
        Assert.Empty(view.GetSection("Credentials").GetChildren());
    }

    [Fact]
    public void EverythingElseIsAsInTheSection()
    {
        var view = new ConfigurationWithout(Section, "Credentials", "TimeProvider");

        Assert.Equal("https://jms.example.com/", view["BaseAddress"]);
        Assert.Equal("5", view["Resilience:MaxRetryAttempts"]);
        Assert.Equal("5", view.GetSection("Resilience")["MaxRetryAttempts"]);
        Assert.Equal("kept", view["CredentialsExtra"]);
        Assert.Equal(["BaseAddress", "CredentialsExtra", "Resilience"], view.GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Same(Section.GetReloadToken(), view.GetReloadToken());
    }

    [Fact]
    public void NothingIsWrittenThroughIt()
    {
        var view = new ConfigurationWithout(Section, "Credentials");

        var refused = Assert.Throws<NotSupportedException>(() => view["BaseAddress"] = "https://other.example.com/");

        Assert.Equal("The binder's view of the configuration is read-only.", refused.Message);
        Assert.Equal("https://jms.example.com/", Section["BaseAddress"]);
    }
}
