using System;

namespace RnnGen.Runtime.Tests.Activations;

internal static class Ulps
{
    /// <summary>
    /// How many floats apart <paramref name="a"/> and <paramref name="b"/> are, counting across zero on the
    /// number line (so +0 and -0 are 1 apart, and opposite signs are far apart).
    /// </summary>
    public static long Between(float a, float b) => Math.Abs(Ordinal(a) - Ordinal(b));

    // Maps floats to integers in number-line order: -0 sits just below +0.
    private static long Ordinal(float value)
    {
        int bits = BitConverter.SingleToInt32Bits(value);
        return bits >= 0 ? bits : -1L - (bits & 0x7FFFFFFF);
    }
}
