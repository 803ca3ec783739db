using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UserGroupClient.Kylin;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.IntegrationTests.Robustness;

/// <summary>
/// Two clients meant for one name (two dialects, and an application's own HttpClient), with every log event of the
/// container at Trace level, every span and the refusal captured: no credential reaches the other server, and none
/// appears in anything reported.
/// </summary>
public sealed class SharedNameLeakTests
{
    private const string OwlPassword = "owl-password-4471";
    private const string KylinPassword = "kylin-password-4471";

    [Fact]
    public async Task TwoClientsMeantForOneNameSendNoCredentialAcrossAndReportNone()
    {
        using var capture = new TelemetryCapture();
        await using var owl = await OwlEmulator.StartAsync();
        await using var kylin = await KylinEmulator.StartAsync();
        owl.AddUser("owl-owner", OwlPassword, role: 1);
        kylin.AddUser("kylin-owner", KylinPassword, isAdmin: true);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        services.AddOwlClient("prod", o => (o.BaseAddress, o.Credentials) = (owl.BaseAddress, OwlCredentials.Password("owl-owner", OwlPassword)));
        void Kylin(KylinClientOptions o) => (o.BaseAddress, o.Project, o.Credentials) = (kylin.BaseAddress, "learn_kylin", KylinCredentials.Basic("kylin-owner", KylinPassword));
        capture.Add(Assert.Throws<InvalidOperationException>(() => services.AddKylinClient("prod", Kylin)));
        services.AddKylinClient("prod-kylin", Kylin);
        services.AddHttpClient("prod", client => client.BaseAddress = kylin.BaseAddress);
        await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }))
        {
            await provider.GetRequiredKeyedService<IUserGroupService>("prod").CreateGroupAsync(new NewUserGroup("owls"));
            await provider.GetRequiredKeyedService<IUserGroupService>("prod-kylin").CreateGroupAsync(new NewUserGroup("analysts"));
            using var own = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("prod")
                .GetAsync(new Uri("kylin/api/user_group/groups?project=learn_kylin", UriKind.Relative));
        }

        var owlSecrets = Secrets(owl.Journal, OwlPassword);
        var kylinSecrets = Secrets(kylin.Journal, KylinPassword);
        Assert.Contains(owl.GetUserGroups(), g => g.Name == "owls");
        Assert.Contains("analysts", kylin.GetGroups());
        Assert.True(owlSecrets.Count > 1, "Owl's token was not seen on the wire");
        Assert.True(kylinSecrets.Count > 1, "Kylin's Basic credential was not seen on the wire");
        Assert.True(capture.LogEvents > 0, "nothing was logged");
        AssertNoneIn(owlSecrets, kylin.Journal.Entries.Select(Wire));
        AssertNoneIn(kylinSecrets, owl.Journal.Entries.Select(Wire));
        AssertNoneIn([.. owlSecrets, .. kylinSecrets], capture.Texts);
    }

    /// <summary>The configured password and every Authorization value the server received (a Basic pair's too).</summary>
    private static HashSet<string> Secrets(RequestJournal journal, string password)
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal) { password };
        foreach (var authorization in journal.Entries.Select(e => e.GetHeader("Authorization")).OfType<string>())
        {
            var value = authorization[(authorization.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            secrets.Add(value);
            if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                secrets.Add(Encoding.UTF8.GetString(Convert.FromBase64String(value)));
            }
        }

        return secrets;
    }

    private static string Wire(RecordedRequest request) =>
        $"{request.Method} {request.PathAndQuery}\n{string.Join('\n', request.Headers.Select(h => $"{h.Key}: {h.Value}"))}\n{request.Body}";

    private static void AssertNoneIn(IReadOnlyCollection<string> secrets, IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a secret ({secret[..3]}…, {secret.Length} characters) appears in: {text}");
            }
        }
    }
}
