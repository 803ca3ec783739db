using System.Reflection;
using System.Runtime.CompilerServices;

namespace UserGroupClient.Tests.Conventions;

/// <summary>
/// A public model made in code (a caller's stubbed answer, a mock's result) holds an empty string, never null, in each
/// string property its annotations say is never null and that a caller need not set (<c>required</c> ones must be set);
/// options classes document defaults of their own.
/// </summary>
public sealed class ModelStringDefaultsTests
{
    public static TheoryData<string> NeverNullStrings()
    {
        var data = new TheoryData<string>();
        foreach (var property in Properties())
        {
            data.Add($"{property.DeclaringType!.FullName}.{property.Name}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NeverNullStrings))]
    public void ANeverNullStringOfAModelMadeInCodeIsEmpty(string name)
    {
        var property = Properties().Single(p => $"{p.DeclaringType!.FullName}.{p.Name}" == name);

        Assert.Equal("", property.GetValue(Activator.CreateInstance(property.DeclaringType!)));
    }

    private static IEnumerable<PropertyInfo> Properties()
    {
        var nullability = new NullabilityInfoContext();
        return typeof(IUserGroupService).Assembly.GetExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                && !type.Name.EndsWith("Options", StringComparison.Ordinal)
                && !typeof(Exception).IsAssignableFrom(type)
                && type.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(property => property.PropertyType == typeof(string)
                && property.GetCustomAttribute<RequiredMemberAttribute>() is null
                && nullability.Create(property).ReadState == NullabilityState.NotNull);
    }
}
