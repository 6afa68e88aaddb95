using System;

namespace RnnGen.Tests.Harness;

/// <summary>Deterministic random data, so that a failure reproduces.</summary>
public static class RandomData
{
    /// <summary>A generator seeded from <paramref name="name"/> (FNV-1a: string.GetHashCode differs per process).</summary>
    public static Random For(string name)
    {
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 16777619;
        }

        return new Random((int)(hash & 0x7FFFFFFF));
    }

    /// <summary><paramref name="length"/> floats uniform in ±<paramref name="limit"/>.</summary>
    public static float[] Uniform(Random random, int length, float limit)
    {
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = ((random.NextSingle() * 2f) - 1f) * limit;
        }

        return values;
    }

    /// <summary>Inputs or a state: uniform in [-1, 1].</summary>
    public static float[] Signal(Random random, int length) => Uniform(random, length, 1f);
}
