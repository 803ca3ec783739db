using System.Security.Cryptography;
using System.Text;
using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

public sealed class HmacSha256SignatureSignerTests
{
    private const string Secret = "a58d2530-d7ee-4390-a204-3492e44dde84";

    [Fact]
    public void RepeatedSignaturesEqualTheOneShotHmacOfEachString()
    {
        var signer = HmacSha256SignatureSigner.FromAsciiSecret(Secret);

        for (var i = 0; i < 5; i++)
        {
            var signingString = Encoding.ASCII.GetBytes($"date: Tue, 20 Apr 2021 02:07:5{i} GMT");
            var signature = new byte[signer.MaxSignatureSize];
            Assert.True(signer.TrySign(signingString, signature, out var written));
            Assert.Equal(Expected(signingString), signature[..written]);
        }
    }

    [Fact]
    public async Task ConcurrentSignaturesAreEachCorrect()
    {
        var signer = HmacSha256SignatureSigner.FromAsciiSecret(Secret);
        var strings = Enumerable.Range(0, 64).Select(i => Encoding.ASCII.GetBytes($"(request-target): get /api/v1/users/groups/{i}/")).ToArray();

        // Enough overlapping work that some signatures find the reusable context taken and sign one-shot.
        var results = await Task.WhenAll(strings.Select(signingString => Task.Run(() =>
        {
            var signatures = new List<byte[]>();
            for (var i = 0; i < 200; i++)
            {
                var destination = new byte[HMACSHA256.HashSizeInBytes];
                Assert.True(signer.TrySign(signingString, destination, out var written));
                Assert.Equal(HMACSHA256.HashSizeInBytes, written);
                signatures.Add(destination);
            }

            return (signingString, signatures);
        })));

        foreach (var (signingString, signatures) in results)
        {
            var expected = Expected(signingString);
            Assert.All(signatures, signature => Assert.Equal(expected, signature));
        }
    }

    [Fact]
    public void TrySignRefusesADestinationTooSmallAndWritesNothing()
    {
        var signer = HmacSha256SignatureSigner.FromAsciiSecret(Secret);
        var destination = new byte[HMACSHA256.HashSizeInBytes - 1];

        Assert.False(signer.TrySign("date: x"u8, destination, out var written));
        Assert.Equal(0, written);
        Assert.All(destination, b => Assert.Equal(0, b));
    }

    private static byte[] Expected(byte[] signingString) => HMACSHA256.HashData(Encoding.ASCII.GetBytes(Secret), signingString);
}
