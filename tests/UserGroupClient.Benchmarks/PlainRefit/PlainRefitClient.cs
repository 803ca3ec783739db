using Refit;

namespace UserGroupClient.Benchmarks.PlainRefit;

/// <summary>Builds the plain-Refit reference as a user of Refit alone would: Refit's defaults, the JSON contracts given.</summary>
internal static class PlainRefitClient
{
    public static IPlainRefitJumpServer Create(HttpClient http) =>
        RestService.For<IPlainRefitJumpServer>(http, RefitSettings.ForJsonContext(SdkJsonContracts.JumpServer));
}
