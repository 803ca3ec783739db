using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;

namespace UserGroupClient.Tests.Conventions;

/// <summary>
/// No part of the SDK resumes on the caller's <see cref="SynchronizationContext"/>: a UI thread or a classic ASP.NET
/// request that blocks on a call (sync over async) would otherwise wait for a continuation queued to itself, for ever.
/// Every operation of every dialect, with each kind of credentials, made directly or registered (with the SDK's
/// resilience or the application's), is started on a context that counts what is posted to it; its first request is held until the caller has left, so every await between the caller and the wire is
/// waiting when the answer comes.
/// </summary>
public sealed class CallerContextTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var client in new[] { "JumpServer", "JumpServerLogin", "MinApp", "MinAppOAuth", "Kylin", "KylinDetection", "Kylin5", "OwlHostGroups", "OwlUserGroups", "OwlLogin", "Registered", "RegisteredWithOwnResilience" })
        {
            // Kylin has no rename: it is refused before anything is sent (KylinInputRulesTests), so nothing waits.
            foreach (var operation in Operations.Keys.Where(o => !(client.StartsWith("Kylin", StringComparison.Ordinal) && o == "UpdateGroup")))
            {
                data.Add(client, operation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task NoContinuationIsPostedToTheCallersContext(string client, string operation)
    {
        var transport = new HeldTransport();
        using var http = new HttpClient(transport);
        using var made = Make(client, http, transport);
        var context = new CountingContext();

        Task call;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            call = Operations[operation](made.Service, made.GroupId, made.MemberId);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        // Kylin's flavor detection sends its probe off the caller's thread; the call waits for it all the same.
        await transport.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(call.IsCompleted);
        transport.Release();
        await Record.ExceptionAsync(() => call);

        Assert.Equal(0, context.Posts);
    }

    private static readonly Dictionary<string, Func<IUserGroupService, string, string, Task>> Operations = new()
    {
        ["ListGroups"] = (service, _, _) => service.ListGroupsAsync().GetAsyncEnumerator().MoveNextAsync().AsTask(),
        ["GetGroup"] = (service, group, _) => service.GetGroupAsync(group),
        ["FindGroupByName"] = (service, _, _) => service.FindGroupByNameAsync("ops"),
        ["CreateGroup"] = (service, _, _) => service.CreateGroupAsync(new NewUserGroup("ops")),
        ["UpdateGroup"] = (service, group, _) => service.UpdateGroupAsync(group, new UserGroupUpdate { Name = "ops-2" }),
        ["DeleteGroup"] = (service, group, _) => service.DeleteGroupAsync(group),
        ["DeleteGroups"] = (service, group, _) => service.DeleteGroupsAsync([group]),
        ["ListMembers"] = (service, group, _) => service.ListMembersAsync(group).GetAsyncEnumerator().MoveNextAsync().AsTask(),
        ["AddMembers"] = (service, group, member) => service.AddMembersAsync(group, [member]),
        ["RemoveMembers"] = (service, group, member) => service.RemoveMembersAsync(group, [member]),
        ["SetMembers"] = (service, group, member) => service.SetMembersAsync(group, [member]),
    };

    private static Made Make(string client, HttpClient http, HeldTransport transport)
    {
        switch (client)
        {
            case "JumpServer":
            case "JumpServerLogin":
            {
                var options = new JumpServerClientOptions
                {
                    BaseAddress = new Uri("https://jms.example.com"),
                    Credentials = client == "JumpServer" ? JumpServerCredentials.Bearer("jms-token") : JumpServerCredentials.Password("admin", "admin-password"),
                };
                var jms = new JumpServerClient(options, http, transport);
                return new Made(jms, jms.AsUserGroupService(), "5d3c1f0e-4a8b-4c2d-9e7f-1a2b3c4d5e6f", "6e4d2a1f-5b9c-4d3e-8f0a-2b3c4d5e6f7a");
            }

            case "MinApp":
            case "MinAppOAuth":
            {
                var options = new MinAppClientOptions
                {
                    BaseAddress = new Uri("https://cloud.minapp.com"),
                    Credentials = client == "MinApp" ? MinAppCredentials.AccessToken("minapp-token") : MinAppCredentials.ClientCredentials("client-id", "client-secret"),
                };
                var minApp = new MinAppClient(options, http, transport);
                return new Made(minApp, minApp.AsUserGroupService(), "101", "201");
            }

            case "Kylin":
            case "KylinDetection":
            case "Kylin5":
            {
                var options = new KylinClientOptions
                {
                    BaseAddress = new Uri("http://kylin.example.com:7070"),
                    Credentials = KylinCredentials.Basic("ADMIN", "KYLIN"),
                    Project = "learn_kylin",
                    Flavor = client switch { "Kylin" => KylinFlavor.Kap3, "Kylin5" => KylinFlavor.Kylin5, _ => KylinFlavor.Auto },
                };
                var kylin = new KylinClient(options, http);
                return new Made(kylin, kylin.AsUserGroupService(), "ops", "alice");
            }

            case "Registered":
            case "RegisteredWithOwnResilience":
            {
                var services = new ServiceCollection();
                var builder = services.AddJumpServerClient("ops", o =>
                    {
                        o.BaseAddress = new Uri("https://jms.example.com");
                        o.Credentials = JumpServerCredentials.Bearer("jms-token");
                    })
                    .ConfigurePrimaryHttpMessageHandler(() => transport);
                if (client == "RegisteredWithOwnResilience")
                {
                    builder.UseResilienceHandler(_ => new PassOn());
                }

                var provider = services.BuildServiceProvider();
                return new Made(provider, provider.GetRequiredKeyedService<IUserGroupService>("ops"), "5d3c1f0e-4a8b-4c2d-9e7f-1a2b3c4d5e6f", "6e4d2a1f-5b9c-4d3e-8f0a-2b3c4d5e6f7a");
            }

            default:
            {
                var options = new OwlClientOptions
                {
                    BaseAddress = new Uri("https://owl.example.com"),
                    Credentials = client == "OwlLogin" ? OwlCredentials.Password("admin", "admin-password") : OwlCredentials.Token("owl-token"),
                };
                var owl = new OwlClient(options, http, transport);
                return new Made(owl, client == "OwlHostGroups" ? owl.AsHostGroupService() : owl.AsUserGroupService(), "7", "9");
            }
        }
    }

    private sealed record Made(IDisposable Client, IUserGroupService Service, string GroupId, string MemberId) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    /// <summary>An application's resilience handler that sends once, written as a library's should be.</summary>
    private sealed class PassOn : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs nothing itself: counts each continuation posted to it and hands it to the thread pool.</summary>
    private sealed class CountingContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }

        public override SynchronizationContext CreateCopy() => this;
    }

    /// <summary>
    /// Holds every answer until released, then answers each request 404 with an empty JSON object (what the operation
    /// makes of it does not matter here, only where it resumes).
    /// </summary>
    private sealed class HeldTransport : HttpMessageHandler
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the first request has reached the transport.</summary>
        public Task FirstRequest => _first.Task;

        public void Release() => _released.SetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _first.TrySetResult();

            // The transport stands for the network, which resumes nowhere in particular: it must not post to the caller's context itself.
            await _released.Task.ConfigureAwait(false);
            return new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                RequestMessage = request,
                Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            };
        }
    }
}
