using WireMock;
using WireMock.Matchers;
using WireMock.Matchers.Request;
using WireMock.ResponseProviders;
using WireMock.Settings;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>
/// One method and path answered by a sequence of answers, one per request in arrival order. The answer is picked when
/// a request arrives, so a late answer does not hold back the next request's: a WireMock scenario moves on only once
/// its answer has gone out, which a retry past an attempt timeout outruns. Past the last answer the mapping either
/// stops matching or repeats it (<see cref="AfterTheLastAnswer"/>).
/// </summary>
internal sealed class AnswerSequence(IResponseProvider[] answers, AfterTheLastAnswer afterTheLast) : IResponseProvider, IRequestMatcher
{
    private int _served;
    private int _answered;

    /// <summary>Whether a request that arrived is still waiting for its answer (a late one, say).</summary>
    public bool IsAnswering => Volatile.Read(ref _answered) < Volatile.Read(ref _served);

    /// <summary>Matches while answers remain, or always when the last one repeats.</summary>
    public double GetMatchingScore(IRequestMessage requestMessage, IRequestMatchResult requestMatchResult)
    {
        ArgumentNullException.ThrowIfNull(requestMatchResult);
        var matches = afterTheLast == AfterTheLastAnswer.RepeatIt || Volatile.Read(ref _served) < answers.Length;
        return requestMatchResult.AddScore(GetType(), matches ? MatchScores.Perfect : MatchScores.Mismatch, null);
    }

    /// <inheritdoc />
    public async Task<(IResponseMessage Message, IMapping? Mapping)> ProvideResponseAsync(IMapping mapping, IRequestMessage requestMessage, WireMockServerSettings settings)
    {
        var index = Interlocked.Increment(ref _served) - 1;
        try
        {
            return await answers[Math.Min(index, answers.Length - 1)].ProvideResponseAsync(mapping, requestMessage, settings);
        }
        finally
        {
            Interlocked.Increment(ref _answered);
        }
    }
}
