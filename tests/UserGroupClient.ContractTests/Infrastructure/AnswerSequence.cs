using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseProviders;
using WireMock.Settings;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>
/// Answers one method and path with a sequence of answers, one per request in arrival order; the last answer repeats.
/// The answer is picked when a request arrives, so a delayed answer does not hold back the next request's (a WireMock
/// scenario moves on only after its answer is ready, which a retry past an attempt timeout would outrun).
/// </summary>
public sealed class AnswerSequence : IResponseProvider
{
    private readonly IResponseProvider[] _answers;
    private int _served;

    private AnswerSequence(IResponseProvider[] answers) => _answers = answers;

    /// <summary>Maps <paramref name="method"/> and <paramref name="path"/> on <paramref name="server"/> to <paramref name="answers"/>, in order.</summary>
    public static void Map(ContractServer server, string method, string path, IReadOnlyList<IResponseProvider> answers)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentOutOfRangeException.ThrowIfZero(answers.Count);
        server.Server.Given(Request.Create().UsingMethod(method).WithPath(path)).RespondWith(new AnswerSequence([.. answers]));
    }

    /// <inheritdoc />
    public Task<(IResponseMessage Message, IMapping? Mapping)> ProvideResponseAsync(IMapping mapping, IRequestMessage requestMessage, WireMockServerSettings settings)
    {
        var index = Interlocked.Increment(ref _served) - 1;
        return _answers[Math.Min(index, _answers.Length - 1)].ProvideResponseAsync(mapping, requestMessage, settings);
    }
}
