using UserGroupClient.MinApp;
using UserGroupClient.Tests.Kylin;
using UserGroupClient.Tests.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Robustness;

/// <summary>
/// A facade of one dialect (or Owl facade) whose every API call is answered by <see cref="Respond"/>: the transport
/// is a stub, so a test can serve any body, however broken or large.
/// </summary>
internal sealed class StubbedDialect : IDisposable
{
    public static readonly string[] Names = ["JumpServer", "MinApp", "Kylin", "OwlHostGroups", "OwlUserGroups"];

    private readonly IDisposable _stub;

    public StubbedDialect(string name, Action<UserGroupClientOptions>? configure = null)
    {
        Name = name;
        var handler = new StubHandler(_ => Respond());
        switch (name)
        {
            case "JumpServer":
                var jumpServer = new JumpServerStub(handler, configure: o => configure?.Invoke(o));
                (_stub, Service, GroupId, EmptyList) = (jumpServer, jumpServer.Service, "6f1c33a4-55a8-4c43-94c4-2b0d3c8b0f11", """{"count":0,"next":null,"previous":null,"results":[]}""");
                break;
            case "MinApp":
                var minApp = new MinAppStub(MinAppCredentials.AccessToken("stub-access-token"), o => configure?.Invoke(o)) { Api = _ => Respond() };
                minApp.Accept("stub-access-token");
                (_stub, Service, GroupId, EmptyList) = (minApp, minApp.Service, "47", """{"meta":{"limit":100,"next":null,"offset":0,"previous":null,"total_count":0},"objects":[]}""");
                break;
            case "Kylin":
                var kylin = new KylinStub(handler, o => configure?.Invoke(o));
                (_stub, Service, GroupId, EmptyList) = (kylin, kylin.Service, "ops", """{"code":"000","data":[],"msg":""}""");
                break;
            case "OwlHostGroups":
            case "OwlUserGroups":
                var owl = new OwlStub(handler, configure: o => configure?.Invoke(o));
                var service = name == "OwlHostGroups" ? owl.Client.AsHostGroupService() : owl.Client.AsUserGroupService();
                (_stub, Service, GroupId, EmptyList) = (owl, service, "1", """{"code":200,"message":"ok","groups":[]}""");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown dialect.");
        }
    }

    public string Name { get; }

    public IUserGroupService Service { get; }

    /// <summary>An id the dialect accepts, so that a call gets as far as the transport.</summary>
    public string GroupId { get; }

    /// <summary>A valid answer to the list call: no groups.</summary>
    public string EmptyList { get; }

    /// <summary>Makes the response to the next API call.</summary>
    public Func<HttpResponseMessage> Respond { get; set; } = () => throw new InvalidOperationException("No response configured.");

    /// <summary>The facade calls every malformed answer is tried on: one that reads a group and one that lists them.</summary>
    public IEnumerable<(string Name, Func<Task> Run)> Reads()
    {
        yield return ("GetGroupAsync", () => Service.GetGroupAsync(GroupId));
        yield return ("ListGroupsAsync", async () =>
        {
            await foreach (var group in Service.ListGroupsAsync())
            {
                Assert.NotNull(group.Id);
            }
        });
    }

    public void Dispose() => _stub.Dispose();
}
