namespace UserGroupClient.IntegrationTests.Robustness;

/// <summary>
/// Hostile names and ids, passed to every facade method that takes one, on every dialect: each call either fails
/// with an <see cref="ArgumentException"/> naming the facade's parameter before anything is sent, or the value is
/// escaped so that the request reaches exactly the intended resource. Afterwards the emulator's journal holds no
/// request outside the API's routes, no extra path segment, no injected query parameter and no injected header.
/// </summary>
public sealed class BadInputTests
{
    /// <summary>Values that can never be a valid name or id: they must be refused before anything is sent.</summary>
    private static readonly Dictionary<string, string> AlwaysRefused = new()
    {
        ["crlf"] = "ops\r\nX-Injected: 1",
        ["lf"] = "ops\ninjected",
        ["nul"] = "ops\0injected",
        ["empty"] = "",
        ["whitespace"] = " \t ",
    };

    /// <summary>Values that may be legal names on some servers: refused, or sent escaped to the intended resource.</summary>
    private static readonly Dictionary<string, string> RefusedOrEscaped = new()
    {
        ["dot-dot"] = "../injected",
        ["dot-dot-alone"] = "..",
        ["encoded-slash"] = "ops%2Finjected",
        ["slash"] = "ops/injected",
        ["backslash"] = "ops\\injected",
        ["query"] = "ops?injected=1",
        ["ampersand"] = "ops&injected=1",
        ["fragment"] = "ops#injected",
        ["emoji"] = "ops-🚀-团队",
        ["long"] = new string('a', 10_000),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var backend in Backend.Names)
        {
            foreach (var value in AlwaysRefused.Keys.Concat(RefusedOrEscaped.Keys))
            {
                data.Add(backend, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryMethodRefusesOrEscapes(string backendName, string valueName)
    {
        await using var backend = await Backend.StartAsync(backendName, o => o.Resilience.Enabled = false);
        var mustRefuse = AlwaysRefused.TryGetValue(valueName, out var value);
        value ??= RefusedOrEscaped[valueName];

        foreach (var call in Calls(backend, value))
        {
            var sentBefore = backend.Journal.Entries.Count;
            var outcome = await Record(call.Run);
            switch (outcome)
            {
                case ArgumentException argument:
                    Assert.True(call.Parameter == argument.ParamName, $"{call.Name}: ParamName '{argument.ParamName}', expected '{call.Parameter}' ({argument.Message})");
                    Assert.False(string.IsNullOrWhiteSpace(argument.Message));
                    Assert.True(backend.Journal.Entries.Count == sentBefore, $"{call.Name}: requests were sent before the ArgumentException");
                    break;
                case NotSupportedException when call.MayBeUnsupported(backend.Service.Capabilities):
                    break;
                case null when !mustRefuse || (call.AcceptsBlank && string.IsNullOrEmpty(value)):
                    if (call.Verify is not null)
                    {
                        await call.Verify();
                    }

                    break;
                case UserGroupApiException refused when !mustRefuse && IsServerRefusal(refused):
                    break;
                default:
                    Assert.Fail($"{call.Name} with {valueName}: {(outcome is null ? "succeeded" : outcome.GetType().Name + ": " + outcome.Message)}");
                    break;
            }
        }

        // The seeded group is untouched by everything above (a rename that succeeded was undone).
        Assert.Equal("seeded", (await backend.Service.GetGroupAsync(backend.GroupId)).Name);
        AssertJournalStaysInsideTheApi(backend);
    }

    /// <summary>
    /// The server (or the facade, from what the server listed) refused the value the way it refuses any unknown or
    /// invalid one (an escaped id that names no group, a member id that does not exist). A refused signature or login is not such an answer: it means
    /// the value changed the request the client signed or the server verified.
    /// </summary>
    private static bool IsServerRefusal(UserGroupApiException exception) =>
        exception is UserGroupNotFoundException
        || (exception.StatusCode is not null
        && exception is not (UserGroupAuthenticationException or UserGroupPermissionException)
        && (exception is UserGroupNotFoundException or UserGroupValidationException or UserGroupConflictException || exception.ServerMessage is not null));

    private static void AssertJournalStaysInsideTheApi(Backend backend)
    {
        foreach (var entry in backend.Journal.Entries)
        {
            Assert.Matches(backend.Routes, entry.Path);
            foreach (var segment in entry.Path.Split('/'))
            {
                var decoded = Uri.UnescapeDataString(segment);
                Assert.DoesNotContain('/', decoded);
                Assert.DoesNotContain('\\', decoded);
                Assert.NotEqual("..", decoded);
                Assert.NotEqual(".", decoded);
            }

            foreach (var pair in entry.Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var parameter = Uri.UnescapeDataString(pair.Split('=')[0]);
                Assert.True(backend.QueryNames.Contains(parameter), $"{entry}: unexpected query parameter '{parameter}'");
            }

            Assert.Null(entry.GetHeader("X-Injected"));
            Assert.DoesNotContain(entry.Headers.Values, v => v.Contains('\n', StringComparison.Ordinal) || v.Contains('\0', StringComparison.Ordinal));
        }
    }

    private static async Task<Exception?> Record(Func<Task> run)
    {
        try
        {
            await run();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private static IEnumerable<Call> Calls(Backend backend, string value)
    {
        var service = backend.Service;
        var group = backend.GroupId;
        var members = backend.MemberIds;

        yield return new("GetGroupAsync", "groupId", () => service.GetGroupAsync(value));
        yield return new("FindGroupByNameAsync", "name", async () =>
        {
            var found = await service.FindGroupByNameAsync(value);
            Assert.True(found is null || string.Equals(found.Name, value, StringComparison.OrdinalIgnoreCase), $"FindGroupByNameAsync found '{found?.Name}'");
        });
        yield return new("ListGroupsAsync(Search)", "query", async () =>
        {
            await foreach (var found in service.ListGroupsAsync(new UserGroupQuery { Search = value }))
            {
                Assert.Contains(value, found.Name, StringComparison.OrdinalIgnoreCase);
            }
        })
        {
            // An empty search is no filter.
            AcceptsBlank = true,
        };

        UserGroup? created = null;
        yield return new("CreateGroupAsync(Name)", "group", async () => created = await service.CreateGroupAsync(new NewUserGroup(value)))
        {
            Verify = async () =>
            {
                // The group the server stored has exactly the name that was asked for, and its id leads back to it.
                Assert.Equal(value, created!.Name);
                Assert.Equal(value, (await service.GetGroupAsync(created.Id)).Name);
                Assert.Equal(created.Id, (await service.FindGroupByNameAsync(value))?.Id);
                await service.DeleteGroupAsync(created.Id);
            },
        };
        yield return new("CreateGroupAsync(MemberIds)", "group", () => service.CreateGroupAsync(new NewUserGroup("with-bad-member") { MemberIds = [members[0], value] }));
        yield return new("UpdateGroupAsync(groupId)", "groupId", () => service.UpdateGroupAsync(value, new UserGroupUpdate { Name = "renamed" }))
        {
            MayBeUnsupported = c => !c.SupportsRename,
        };
        yield return new("UpdateGroupAsync(Name)", "update", () => service.UpdateGroupAsync(group, new UserGroupUpdate { Name = value }))
        {
            Verify = async () =>
            {
                Assert.Equal(value, (await service.GetGroupAsync(group)).Name);
                await service.UpdateGroupAsync(group, new UserGroupUpdate { Name = "seeded" });
            },
            MayBeUnsupported = c => !c.SupportsRename,
        };
        yield return new("DeleteGroupAsync", "groupId", () => service.DeleteGroupAsync(value));
        yield return new("DeleteGroupsAsync", "groupIds", () => service.DeleteGroupsAsync([value]));
        yield return new("ListMembersAsync", "groupId", async () =>
        {
            await foreach (var member in service.ListMembersAsync(value))
            {
                Assert.Fail($"a member {member.Id} of a group that cannot exist");
            }
        });

        foreach (var (operation, run) in MemberOperations(service))
        {
            yield return new($"{operation}(groupId)", "groupId", () => run(value, [members[1]]));
            yield return new($"{operation}(memberIds)", "memberIds", () => run(group, [members[1], value]));
        }
    }

    private static IEnumerable<(string Name, Func<string, IEnumerable<string>, Task> Run)> MemberOperations(IUserGroupService service)
    {
        yield return ("AddMembersAsync", (g, m) => service.AddMembersAsync(g, m));
        yield return ("RemoveMembersAsync", (g, m) => service.RemoveMembersAsync(g, m));
        yield return ("SetMembersAsync", (g, m) => service.SetMembersAsync(g, m));
    }

    private sealed record Call(string Name, string Parameter, Func<Task> Run)
    {
        /// <summary>Checks a call that succeeded: the value reached the intended resource.</summary>
        public Func<Task>? Verify { get; init; }

        /// <summary>Whether the dialect may refuse the call as a whole (a rename where renames are not supported).</summary>
        public Func<UserGroupCapabilities, bool> MayBeUnsupported { get; init; } = _ => false;

        /// <summary>Whether an empty value is a legal input (a search for nothing lists everything).</summary>
        public bool AcceptsBlank { get; init; }
    }
}
