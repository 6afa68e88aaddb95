using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace RnnGen.Runtime.Tests.Formats;

/// <summary>
/// Deterministic mutations of weight files: byte-level damage anywhere, cuts at structural boundaries, lying
/// length fields, and edits of the text headers that are re-framed so the text parser, not the length check,
/// meets them. Every method returns the mutated bytes and says what it did.
/// </summary>
internal sealed class FileMutator(Random random)
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x7F, 0x80, 0xFF, (byte)'"', (byte)'{', (byte)'\'', (byte)','];

    private static readonly string[] JsonTokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "-1", "0", "99999999999999999999", "1e400", "1.5", "null", "true",
        "\"x\"", " ", "\u0000", "é", "\"__metadata__\"", "\"dtype\"", "\"shape\":[1]", "\"data_offsets\":[0,4]", "\\u", "\\ud800",
    ];

    private static readonly string[] PythonTokens =
    [
        "(", ")", "[", "]", "{", "}", "'", "\"", ",", ":", "True", "False", "None", "-1", "3L", "'<f4'", "'>f8'", "'<i4'",
        "'|u1'", "[('a', '<f4')]", "99999999999999999999", "\\", "\n", "é", "'descr'", "'shape'", "(0,)", "()",
    ];

    private static readonly string[] Numbers =
    [
        "0", "1", "2", "3", "4", "5", "8", "15", "16", "60", "100", "2147483647", "2147483648", "4294967296",
        "4611686018427387904", "9223372036854775807", "9223372036854775808", "-1", "-0", "1e3", "007",
    ];

    private static readonly string[] Dtypes = ["F32", "F64", "F16", "BF16", "I64", "BOOL", "U8", "F4", "F6_E2M3", "C64", "f32", "X", ""];

    private static readonly string[] Descrs = ["<f4", ">f4", "<f8", ">f8", "<f2", ">f2", "=f4", "|f4", "<i4", "<f16", "|b1", "<U3", "f", ""];

    /// <summary>1 to 8 random bit flips.</summary>
    public byte[] FlipBits(byte[] file, out string what)
    {
        byte[] mutated = (byte[])file.Clone();
        int flips = random.Next(1, 9);
        for (int i = 0; i < flips && mutated.Length > 0; i++)
        {
            mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8));
        }

        what = $"{flips} bit flips";
        return mutated;
    }

    /// <summary>1 to 4 bytes overwritten with boundary values or random bytes.</summary>
    public byte[] OverwriteBytes(byte[] file, out string what)
    {
        byte[] mutated = (byte[])file.Clone();
        int count = random.Next(1, 5);
        for (int i = 0; i < count && mutated.Length > 0; i++)
        {
            mutated[random.Next(mutated.Length)] = random.Next(2) == 0 ? InterestingBytes[random.Next(InterestingBytes.Length)] : (byte)random.Next(256);
        }

        what = $"{count} bytes overwritten";
        return mutated;
    }

    /// <summary>Cut at a random position.</summary>
    public byte[] TruncateAnywhere(byte[] file, out string what)
    {
        int keep = random.Next(file.Length);
        what = $"truncated to {keep} of {file.Length} bytes";
        return file[..keep];
    }

    /// <summary>Cut within two bytes of a structural boundary of the format.</summary>
    public byte[] TruncateAtBoundary(byte[] file, IReadOnlyList<int> boundaries, out string what)
    {
        int keep = Math.Clamp(boundaries[random.Next(boundaries.Count)] + random.Next(-2, 3), 0, Math.Max(0, file.Length - 1));
        what = $"truncated at boundary to {keep} of {file.Length} bytes";
        return file[..keep];
    }

    /// <summary>Random bytes inserted or removed somewhere.</summary>
    public byte[] InsertOrDelete(byte[] file, out string what)
    {
        int at = random.Next(file.Length + 1);
        int length = random.Next(1, 17);
        if (random.Next(2) == 0 && file.Length > 0)
        {
            at = Math.Min(at, file.Length - 1);
            length = Math.Min(length, file.Length - at);
            what = $"{length} bytes deleted at {at}";
            return [.. file[..at], .. file[(at + length)..]];
        }

        byte[] inserted = new byte[length];
        random.NextBytes(inserted);
        what = $"{length} bytes inserted at {at}";
        return [.. file[..at], .. inserted, .. file[at..]];
    }

    /// <summary>A 64-bit or 32-bit length field (at <paramref name="offset"/>, <paramref name="size"/> bytes) set to a random, a nearby or an absurd value.</summary>
    public byte[] RewriteLength(byte[] file, int offset, int size, out string what)
    {
        byte[] mutated = (byte[])file.Clone();
        ulong current = 0;
        for (int i = size - 1; i >= 0 && offset + i < file.Length; i--)
        {
            current = (current << 8) | file[offset + i];
        }

        ulong value = random.Next(6) switch
        {
            0 => current + (ulong)random.Next(1, 64),
            1 => current - (ulong)Math.Min((long)current, random.Next(1, 64)),
            2 => (ulong)random.Next(),
            3 => ulong.MaxValue - (ulong)random.Next(4),
            4 => 1UL << random.Next(8 * size),
            _ => (ulong)random.Next(16),
        };
        for (int i = 0; i < size && offset + i < mutated.Length; i++)
        {
            mutated[offset + i] = (byte)(value >> (8 * i));
        }

        what = $"{size}-byte length field at {offset} rewritten from {current} with the low bytes of {value}";
        return mutated;
    }

    /// <summary>One edit of a safetensors JSON header.</summary>
    public string EditJson(string json, out string what) => EditText(json, JsonTokens, "\"dtype\":\"", Dtypes, out what);

    /// <summary>One edit of an .npy header dict.</summary>
    public string EditPythonLiteral(string header, out string what) => EditText(header, PythonTokens, "'descr': '", Descrs, out what);

    private string EditText(string text, string[] tokens, string typeKey, string[] types, out string what)
    {
        int at = random.Next(text.Length + 1);
        switch (random.Next(7))
        {
            case 0 when text.Length > 0:
                at = Math.Min(at, text.Length - 1);
                what = $"text: deleted '{text[at]}' at {at}";
                return text.Remove(at, 1);
            case 1:
                string token = tokens[random.Next(tokens.Length)];
                what = $"text: inserted {token} at {at}";
                return text.Insert(at, token);
            case 2:
                return ReplaceOne(text, @"-?\d+", Numbers, out what);
            case 3:
                return ReplaceOne(text, Regex.Escape(typeKey) + "[^\"']*", types.Select(t => typeKey + t).ToArray(), out what);
            case 4 when text.Length > 1:
                int from = random.Next(text.Length);
                int length = random.Next(1, Math.Min(40, text.Length - from) + 1);
                what = $"text: copied {length} chars from {from} to {at}";
                return text.Insert(at, text.Substring(from, length));
            case 5:
                int keep = random.Next(text.Length + 1);
                what = $"text: cut to {keep} chars";
                return text[..keep];
            default:
                return ReplaceOne(text, "\"[^\"]*\"|'[^']*'", ["\"weight_ih_l0\"", "\"bias_ih_l0\"", "'shape'", "'descr'", "\"\"", "''", "\"__metadata__\""], out what);
        }
    }

    private string ReplaceOne(string text, string pattern, string[] replacements, out string what)
    {
        MatchCollection matches = Regex.Matches(text, pattern);
        if (matches.Count == 0)
        {
            what = "text: unchanged";
            return text;
        }

        Match match = matches[random.Next(matches.Count)];
        string replacement = replacements[random.Next(replacements.Length)];
        what = string.Create(CultureInfo.InvariantCulture, $"text: {match.Value} -> {replacement} at {match.Index}");
        return new StringBuilder(text).Remove(match.Index, match.Length).Insert(match.Index, replacement).ToString();
    }
}
