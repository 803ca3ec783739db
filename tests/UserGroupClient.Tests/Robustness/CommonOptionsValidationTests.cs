using UserGroupClient.JumpServer;

namespace UserGroupClient.Tests.Robustness;

/// <summary>
/// The settings every dialect shares are checked when a client is made: each bad one is refused by name, with the
/// options type that holds it, and the bounds themselves are accepted.
/// </summary>
public sealed class CommonOptionsValidationTests
{
    public static TheoryData<string, string, string> BadSettings() => new()
    {
        { "query", "BaseAddress", "JumpServerClientOptions.BaseAddress must not have a query or fragment." },
        { "fragment", "BaseAddress", "JumpServerClientOptions.BaseAddress must not have a query or fragment." },
        { "no clock", "TimeProvider", "JumpServerClientOptions.TimeProvider is required." },
        { "zero timeout", "Timeout", "JumpServerClientOptions.Timeout must be positive or infinite." },
        { "negative timeout", "Timeout", "JumpServerClientOptions.Timeout must be positive or infinite." },
        { "small body limit", "MaxResponseContentBytes", "JumpServerClientOptions.MaxResponseContentBytes must be at least 1024." },
        { "no resilience", "Resilience", "JumpServerClientOptions.Resilience is required." },
        { "zero page size", "DefaultPageSize", "JumpServerClientOptions.DefaultPageSize must be at least 1." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void ABadSettingIsRefusedByName(string setting, string parameter, string message)
    {
        var options = Valid();
        Spoil(options, setting);

        var error = Assert.Throws<ArgumentException>(() => new JumpServerClient(options));

        Assert.Equal(parameter, error.ParamName);
        Assert.Equal($"{message} (Parameter '{parameter}')", error.Message);
    }

    [Fact]
    public void TheBoundsThemselvesAreAccepted()
    {
        var options = Valid();
        options.Timeout = TimeSpan.FromTicks(1);
        options.MaxResponseContentBytes = 1024;
        options.DefaultPageSize = 1;
        using (new JumpServerClient(options))
        {
        }

        options.Timeout = Timeout.InfiniteTimeSpan;
        using (new JumpServerClient(options))
        {
        }
    }

    private static JumpServerClientOptions Valid() => new()
    {
        BaseAddress = new Uri("https://jms.example.com/prefix/"),
        Credentials = JumpServerCredentials.Bearer("t0k3n"),
    };

    private static void Spoil(JumpServerClientOptions options, string setting)
    {
        switch (setting)
        {
            case "query": options.BaseAddress = new Uri("https://jms.example.com/?org=1"); break;
            case "fragment": options.BaseAddress = new Uri("https://jms.example.com/#top"); break;
            case "no clock": options.TimeProvider = null!; break;
            case "zero timeout": options.Timeout = TimeSpan.Zero; break;
            case "negative timeout": options.Timeout = TimeSpan.FromSeconds(-1); break;
            case "small body limit": options.MaxResponseContentBytes = 1023; break;
            case "no resilience": options.Resilience = null!; break;
            default: options.DefaultPageSize = 0; break;
        }
    }
}
