using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace HighRisk.Infrastructure.Security;

/// <summary>
/// Resident ID and mobile numbers at rest: encrypted with ASP.NET Core Data Protection (keys in a folder outside the
/// database), looked up by a keyed hash (HMAC-SHA256, key beside the protection keys), and shown masked to roles that
/// do not need them in full.
/// </summary>
public sealed class PersonalData
{
    private readonly IDataProtector _protector;
    private readonly byte[] _hashKey;

    public PersonalData(IDataProtectionProvider provider, byte[] hashKey)
    {
        _protector = provider.CreateProtector("HighRisk.PersonalData.v1");
        _hashKey = hashKey;
    }

    public string Protect(string value) => _protector.Protect(value);

    public string Unprotect(string cipher) => _protector.Unprotect(cipher);

    /// <summary>Keyed hash for equality look-up and duplicate detection; the same value always gives the same hash.</summary>
    public string Hash(string value) => Convert.ToHexString(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(value)));

    /// <summary>430302********123X: the address code and the last four characters.</summary>
    public static string MaskResidentId(string id) => id.Length < 10 ? new string('*', id.Length) : $"{id[..6]}{new string('*', id.Length - 10)}{id[^4..]}";

    /// <summary>138****5678.</summary>
    public static string MaskMobile(string mobile) => mobile.Length < 7 ? new string('*', mobile.Length) : $"{mobile[..3]}****{mobile[^4..]}";

    /// <summary>李*梅 (three characters), 李* (two), 欧**梅 (four): first and last character only.</summary>
    public static string MaskName(string name)
    {
        var letters = System.Globalization.StringInfo.ParseCombiningCharacters(name);
        if (letters.Length <= 1)
        {
            return name;
        }

        var first = System.Globalization.StringInfo.GetNextTextElement(name, 0);
        if (letters.Length == 2)
        {
            return first + "*";
        }

        var last = System.Globalization.StringInfo.GetNextTextElement(name, letters[^1]);
        return first + new string('*', letters.Length - 2) + last;
    }

    /// <summary>The HMAC key: configured (base64), or made once and kept in the keys folder.</summary>
    public static byte[] LoadHashKey(IConfiguration configuration, string keysFolder)
    {
        if (configuration["PersonalData:HashKey"] is { Length: > 0 } configured)
        {
            return Convert.FromBase64String(configured);
        }

        var file = Path.Combine(keysFolder, "personal-data-hash.key");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(keysFolder);
            File.WriteAllBytes(file, RandomNumberGenerator.GetBytes(32));
        }

        return File.ReadAllBytes(file);
    }
}
