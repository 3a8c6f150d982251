using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Planner.AspNetCore.Feeds;

/// <summary>
/// Feed token text: <c>{id}.{secret}</c>, a 12-byte public id (to find the row) and a 32-byte secret
/// (256 bits from <see cref="RandomNumberGenerator"/>), both base64url. Only the SHA-256 of the secret is
/// stored, and it is compared with <see cref="CryptographicOperations.FixedTimeEquals"/>.
/// </summary>
internal static class FeedTokens
{
    private const int IdBytes = 12;
    private const int SecretBytes = 32;

    public static (string Id, string Token, byte[] SecretHash) Create()
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(SecretBytes));
        return (id, $"{id}.{secret}", Hash(secret));
    }

    /// <summary>Splits a token into its id and the hash of its secret; <see langword="false"/> for text that is no token.</summary>
    public static bool TryParse(string? token, out string id, out byte[] secretHash)
    {
        id = string.Empty;
        secretHash = [];
        if (token is null || token.Length > 128)
        {
            return false;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1)
        {
            return false;
        }

        id = token[..dot];
        secretHash = Hash(token[(dot + 1)..]);
        return true;
    }

    public static bool Matches(byte[] storedHash, byte[] presentedHash) =>
        CryptographicOperations.FixedTimeEquals(storedHash, presentedHash);

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
