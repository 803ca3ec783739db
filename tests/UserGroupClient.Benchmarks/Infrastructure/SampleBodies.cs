using System.Text;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>A group detail exactly as the JumpServer emulator (v4.10) answers it.</summary>
internal static class SampleBodies
{
    public const string GroupId = "5f0cc1c5-4f8e-4bd4-9c33-2b8d1e1c9a11";

    public static readonly byte[] GroupDetail = Encoding.UTF8.GetBytes("""
        {"id":"5f0cc1c5-4f8e-4bd4-9c33-2b8d1e1c9a11","name":"benchmark-detail","comment":"read by the get-group benchmarks","users":[{"id":"0b7f2f4c-1d7e-4c55-8a84-6a8a1c1f0a01","name":"Member 1","is_service_account":false},{"id":"0b7f2f4c-1d7e-4c55-8a84-6a8a1c1f0a02","name":"Member 2","is_service_account":false},{"id":"0b7f2f4c-1d7e-4c55-8a84-6a8a1c1f0a03","name":"Member 3","is_service_account":false}],"labels":[],"org_id":"00000000-0000-0000-0000-000000000002","org_name":"DEFAULT","created_by":"System","date_created":"2025/01/02 03:04:05 +0800"}
        """);
}
