using System.Reflection;

namespace UserGroupClient.Tests.Conventions;

/// <summary>Keeps the public surface consistent as dialects are added (Octokit-style convention tests).</summary>
public sealed class PublicApiConventionTests
{
    private static readonly Type[] PublicTypes = typeof(IUserGroupService).Assembly.GetExportedTypes();

    public static TheoryData<string> AsyncMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in PublicMethods().Where(IsAsync))
        {
            data.Add($"{method.DeclaringType!.FullName}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AsyncMethods))]
    public void AsyncMethodsEndInAsyncAndTakeAnOptionalCancellationTokenLast(string signature)
    {
        var method = PublicMethods().Single(m => $"{m.DeclaringType!.FullName}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})" == signature);

        Assert.EndsWith("Async", method.Name, StringComparison.Ordinal);
        var last = method.GetParameters().LastOrDefault();
        Assert.NotNull(last);
        Assert.Equal(typeof(CancellationToken), last.ParameterType);
        Assert.Equal("cancellationToken", last.Name);
        Assert.True(last.HasDefaultValue, $"{signature}: the CancellationToken must default");
    }

    [Fact]
    public void EveryPublicExceptionBelongsToTheFamilyWithTheStandardConstructors()
    {
        var exceptions = PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

        Assert.Equal(10, exceptions.Count);
        Assert.All(exceptions, type =>
        {
            Assert.True(typeof(UserGroupApiException).IsAssignableFrom(type), type.Name);
            Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
            Assert.NotNull(type.GetConstructor([typeof(string)]));
            Assert.NotNull(type.GetConstructor([typeof(string), typeof(Exception)]));
        });
    }

    [Fact]
    public void EveryClientCanBeConstructedWithOptionsOrAnHttpClientAndMocked()
    {
        var clients = PublicTypes.Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Client", StringComparison.Ordinal) && typeof(IDisposable).IsAssignableFrom(t)).ToList();

        Assert.Equal(["JumpServerClient", "KylinClient", "MinAppClient", "OwlClient"], clients.Select(c => c.Name).Order());
        Assert.All(clients, client =>
        {
            Assert.True(typeof(UserGroupApiClient).IsAssignableFrom(client), $"{client.Name} is built on UserGroupApiClient (CreateApi, Dispose)");
            var options = PublicTypes.Single(t => t.Name == client.Name + "Options");
            Assert.True(typeof(UserGroupClientOptions).IsAssignableFrom(options));
            Assert.NotNull(client.GetConstructor([options]));
            Assert.NotNull(client.GetConstructor([options, typeof(HttpClient)]));
            var mocking = client.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes);
            Assert.True(mocking is { IsFamily: true }, $"{client.Name} needs a protected constructor for mocking");
            Assert.All(
                client.GetProperties().Where(p => p.DeclaringType == client),
                property => Assert.True(property.GetMethod!.IsVirtual, $"{client.Name}.{property.Name} must be virtual"));
            Assert.Contains(client.GetMethods(), m => m.Name == "AsUserGroupService" && m.IsVirtual && m.ReturnType == typeof(IUserGroupService));
        });
    }

    [Fact]
    public void CredentialsCannotBeSubclassedOutsideTheSdk()
    {
        var credentials = PublicTypes.Where(t => t.Name.EndsWith("Credentials", StringComparison.Ordinal)).ToList();

        Assert.Equal(4, credentials.Count);
        Assert.All(credentials, type =>
        {
            Assert.True(type.IsAbstract, type.Name);
            Assert.DoesNotContain(type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic), c => c.IsPublic || c.IsFamily);
        });
    }

    private static IEnumerable<MethodInfo> PublicMethods() =>
        PublicTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName);

    private static bool IsAsync(MethodInfo method)
    {
        var type = method.ReturnType;
        return type == typeof(Task) || type == typeof(ValueTask)
            || (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
                && (definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>)));
    }
}
