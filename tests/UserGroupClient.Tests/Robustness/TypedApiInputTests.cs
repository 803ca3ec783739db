using System.Collections;
using System.Net;
using System.Reflection;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;

namespace UserGroupClient.Tests.Robustness;

/// <summary>
/// Every public method of every typed API, called directly with each string argument replaced by a value that would
/// change the request (a dot segment, a slash, CR/LF, NUL): it is refused before anything is sent, or what is sent
/// names the intended resource (the value travels escaped, in a query or a body) and carries no control character.
/// </summary>
public sealed class TypedApiInputTests
{
    private static readonly string[] Values = ["..", ".", "ops/injected", "ops\\injected", "ops\r\nX-Injected: 1", "ops\0injected"];

    public static TheoryData<string, string> Methods()
    {
        var data = new TheoryData<string, string>();
        foreach (var (dialect, api) in Apis(new Recorder()))
        {
            foreach (var method in TypedMethods(api.Type))
            {
                data.Add(dialect, $"{api.Type.Name}.{Signature(method)}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task EveryTypedMethodRefusesOrEscapesWhatWouldChangeTheRequest(string dialect, string method)
    {
        foreach (var value in Values)
        {
            var recorder = new Recorder();
            var (apiType, api) = Apis(recorder).Single(a => a.Dialect == dialect && method.StartsWith(a.Api.Type.Name + ".", StringComparison.Ordinal)).Api;
            var target = TypedMethods(apiType).Single(m => $"{apiType.Name}.{Signature(m)}" == method);
            foreach (var slot in TextSlots(target))
            {
                recorder.Clear();
                var outcome = await InvokeAsync(api, target, slot, value);
                if (outcome is ArgumentException)
                {
                    Assert.True(recorder.Sent.Count == 0, $"{method} sent a request before refusing {Shown(value)}");
                    continue;
                }

                Assert.All(recorder.Sent, sent => AssertIntact(method, value, sent));
            }
        }
    }

    private static void AssertIntact(string method, string value, HttpRequestMessage sent)
    {
        var uri = sent.RequestUri!;
        Assert.DoesNotContain(uri.AbsoluteUri, c => char.IsControl(c));
        foreach (var segment in uri.AbsolutePath.Split('/'))
        {
            var decoded = Uri.UnescapeDataString(segment);
            Assert.True(decoded is not ("." or "..") && !decoded.Contains('/', StringComparison.Ordinal) && !decoded.Contains('\\', StringComparison.Ordinal) && !decoded.Any(char.IsControl),
                $"{method} with {Shown(value)} sent {sent.Method} {uri.AbsolutePath}");
        }

        Assert.False(sent.Headers.Contains("X-Injected"), $"{method} with {Shown(value)} sent an injected header");
        Assert.DoesNotContain(sent.Headers.SelectMany(h => h.Value), v => v.Any(char.IsControl));
    }

    private static string Shown(string value) => value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);

    private static bool TakesText(Type type) => type == typeof(string) || type == typeof(IEnumerable<string>);

    // A place a text goes: a string parameter, or a settable string property of an options or body parameter.
    private static IEnumerable<(int Position, PropertyInfo? Property)> TextSlots(MethodInfo method) =>
        method.GetParameters().SelectMany((parameter, position) => TakesText(parameter.ParameterType)
            ? [(position, (PropertyInfo?)null)]
            : TextProperties(parameter.ParameterType).Select(property => (position, (PropertyInfo?)property)));

    private static IEnumerable<PropertyInfo> TextProperties(Type type) =>
        type.IsClass && type != typeof(string) && type.GetConstructor(Type.EmptyTypes) is not null
            ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => TakesText(p.PropertyType) && p.CanWrite)
            : [];

    private static IEnumerable<MethodInfo> TypedMethods(Type api) =>
        api.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => !m.IsSpecialName && TextSlots(m).Any());

    private static string Signature(MethodInfo method) =>
        $"{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";

    private static async Task<Exception?> InvokeAsync(object api, MethodInfo method, (int Position, PropertyInfo? Property) slot, string value)
    {
        var arguments = method.GetParameters().Select((p, i) => Argument(p, i == slot.Position && slot.Property is null ? value : "ok")).ToArray();
        if (slot.Property is { } property)
        {
            var holder = Activator.CreateInstance(method.GetParameters()[slot.Position].ParameterType)!;
            property.SetValue(holder, property.PropertyType == typeof(string) ? value : new[] { value });
            arguments[slot.Position] = holder;
        }

        try
        {
            var result = method.Invoke(api, arguments);
            switch (result)
            {
                case Task task:
                    await task;
                    break;
                case not null when result.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) is { } enumerable:
                    var enumerator = enumerable.GetMethod("GetAsyncEnumerator")!.Invoke(result, [CancellationToken.None])!;
                    await using ((IAsyncDisposable)enumerator)
                    {
                        await ((ValueTask<bool>)enumerator.GetType().GetMethod("MoveNextAsync")!.Invoke(enumerator, null)!);
                    }

                    break;
            }

            return null;
        }
        catch (TargetInvocationException exception)
        {
            return exception.InnerException;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private static object? Argument(ParameterInfo parameter, string text) => parameter.ParameterType switch
    {
        var t when t == typeof(string) => text,
        var t when t == typeof(IEnumerable<string>) => new[] { text },
        var t when t == typeof(CancellationToken) => CancellationToken.None,
        var t when t == typeof(int) || t == typeof(long) => Convert.ChangeType(7, t, System.Globalization.CultureInfo.InvariantCulture),
        var t when t.IsValueType => Activator.CreateInstance(t),
        _ when parameter.HasDefaultValue => parameter.DefaultValue,
        var t when t.IsAssignableTo(typeof(IEnumerable)) && t.IsGenericType => Activator.CreateInstance(typeof(List<>).MakeGenericType(t.GetGenericArguments()[0])),
        _ => null,
    };

    private static IEnumerable<(string Dialect, (Type Type, object Api) Api)> Apis(Recorder recorder)
    {
        var http = new HttpClient(recorder);
        var jumpServer = new JumpServerClient(Configure(new JumpServerClientOptions { Credentials = JumpServerCredentials.Bearer("t") }), http);
        yield return ("JumpServer", (typeof(IJumpServerUserGroupsApi), jumpServer.UserGroups));
        var minApp = new MinAppClient(Configure(new MinAppClientOptions { Credentials = MinAppCredentials.AccessToken("t") }), http);
        yield return ("MinApp", (typeof(IMinAppUserGroupsApi), minApp.UserGroups));
        yield return ("MinApp", (typeof(IMinAppSuperGroupsApi), minApp.SuperGroups));
        yield return ("MinApp", (typeof(IMinAppMembershipApi), minApp.Membership));
        var kylin = new KylinClient(Configure(new KylinClientOptions { Credentials = KylinCredentials.Basic("u", "p"), Project = "p" }), http);
        yield return ("Kylin", (typeof(IKylinUserGroupsApi), kylin.UserGroups));
        yield return ("Kylin", (typeof(IKylinApacheUserGroupsApi), kylin.ApacheUserGroups));
        yield return ("Kylin", (typeof(IKylinOpenUserGroupsApi), kylin.OpenUserGroups));
        var owl = new OwlClient(Configure(new OwlClientOptions { Credentials = OwlCredentials.Token("t") }), http);
        yield return ("Owl", (typeof(IOwlUsersApi), owl.Users));
        yield return ("Owl", (typeof(IOwlUserGroupsApi), owl.UserGroups));
        yield return ("Owl", (typeof(IOwlHostGroupsApi), owl.HostGroups));
        yield return ("Owl", (typeof(IOwlHostsApi), owl.Hosts));
    }

    private static T Configure<T>(T options)
        where T : UserGroupClientOptions
    {
        options.BaseAddress = new Uri("https://server.example.com/");
        options.Resilience.Enabled = false;
        return options;
    }

    /// <summary>Keeps every request that reached the wire and answers it with a 404.</summary>
    private sealed class Recorder : HttpMessageHandler
    {
        private readonly List<HttpRequestMessage> _sent = [];

        public IReadOnlyList<HttpRequestMessage> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public void Clear()
        {
            lock (_sent)
            {
                _sent.Clear();
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_sent)
            {
                _sent.Add(request);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{}"), RequestMessage = request });
        }
    }
}
