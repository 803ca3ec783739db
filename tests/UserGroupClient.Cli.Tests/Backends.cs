using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.MinApp;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.Cli.Tests;

/// <summary>The backend entries of a configuration file that point at emulators, as a user writes them.</summary>
internal static class Backends
{
    public static JsonObject JumpServer(JumpServerEmulator jms)
    {
        var key = jms.AddAccessKey(JumpServerEmulator.AdminUsername);
        return new JsonObject
        {
            ["Dialect"] = "JumpServer",
            ["BaseAddress"] = jms.BaseAddress.ToString(),
            ["Credentials"] = new JsonObject { ["Type"] = "AccessKey", ["KeyId"] = key.Id, ["Secret"] = key.Secret },
        };
    }

    public static JsonObject Kylin(KylinEmulator kylin) => new()
    {
        ["Dialect"] = "Kylin",
        ["BaseAddress"] = kylin.BaseAddress.ToString(),
        ["Project"] = "learn_kylin",
        ["Credentials"] = new JsonObject { ["Type"] = "Basic", ["UserName"] = KylinEmulator.AdminUsername, ["Password"] = KylinEmulator.AdminPassword },
    };

    public static JsonObject MinApp(MinAppEmulator minapp) => new()
    {
        ["Dialect"] = "MinApp",
        ["BaseAddress"] = minapp.BaseAddress.ToString(),
        ["Credentials"] = new JsonObject { ["Type"] = "ClientCredentials", ["ClientId"] = minapp.ClientId, ["ClientSecret"] = minapp.ClientSecret },
    };

    public static JsonObject Owl(OwlEmulator owl, string dialect) => new()
    {
        ["Dialect"] = dialect,
        ["BaseAddress"] = owl.BaseAddress.ToString(),
        ["Credentials"] = new JsonObject { ["Type"] = "Password", ["UserName"] = OwlEmulator.AdminUsername, ["Password"] = OwlEmulator.AdminPassword },
    };
}
