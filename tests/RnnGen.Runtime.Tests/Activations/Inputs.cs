using System;
using System.Collections.Generic;

namespace RnnGen.Runtime.Tests.Activations;

/// <summary>The inputs the accuracy tests sweep, built once and shared by every width.</summary>
internal static class Inputs
{
    private static readonly Lazy<float[]> LazySweep = new(BuildSweep);

    /// <summary>
    /// Every multiple of 2^-16 in [-30, 30] (3.9 million floats) and every 1021st float in [-1, 1], both signs:
    /// a dense grid over the range that matters plus the fine structure near 0.
    /// </summary>
    public static float[] Sweep => LazySweep.Value;

    /// <summary>Every multiple of <paramref name="step"/> in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static float[] Grid(float from, float to, float step)
    {
        var values = new List<float>();
        for (long k = (long)Math.Ceiling(from / step); k * step <= to; k++)
        {
            values.Add(k * step);
        }

        return values.ToArray();
    }

    /// <summary>Every <paramref name="stride"/>th float from <paramref name="from"/> up to <paramref name="to"/>, both non-negative.</summary>
    public static float[] FloatsByBits(float from, float to, int stride)
    {
        var values = new List<float>();
        for (long bits = BitConverter.SingleToInt32Bits(from); bits <= BitConverter.SingleToInt32Bits(to); bits += stride)
        {
            values.Add(BitConverter.Int32BitsToSingle((int)bits));
        }

        return values.ToArray();
    }

    /// <summary><paramref name="values"/> followed by their negations.</summary>
    public static float[] BothSigns(float[] values)
    {
        var both = new float[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            both[2 * i] = values[i];
            both[(2 * i) + 1] = -values[i];
        }

        return both;
    }

    /// <summary>Large magnitudes up to infinity, positive.</summary>
    public static float[] Huge => [100f, 1e3f, 1e6f, 3.4e10f, 1e20f, 1e30f, float.MaxValue, float.PositiveInfinity];

    /// <summary>NaNs of both signs and several payloads.</summary>
    public static float[] NaNs =>
    [
        float.NaN,
        -float.NaN,
        BitConverter.Int32BitsToSingle(0x7FC00001),
        BitConverter.Int32BitsToSingle(0x7F800001),
        BitConverter.Int32BitsToSingle(unchecked((int)0xFFFFFFFF)),
    ];

    private static float[] BuildSweep()
    {
        var values = new List<float>(Grid(-30f, 30f, 1f / 65536));
        values.AddRange(BothSigns(FloatsByBits(0f, 1f, 1021)));
        return values.ToArray();
    }
}
