using System;
using System.Globalization;

namespace RnnGen.Benchmarks.Harness;

/// <summary>Before anything is timed, every peer must agree with the generated kernel.</summary>
public static class OutputCheck
{
    /// <summary>Largest absolute difference per element allowed between a peer and the generated kernel.</summary>
    public const float Tolerance = 1e-4f;

    /// <summary>Throws unless <paramref name="actual"/> matches <paramref name="expected"/> element by element within <see cref="Tolerance"/>.</summary>
    /// <param name="peer">Who wrote <paramref name="actual"/>.</param>
    /// <param name="expected">The generated kernel's outputs, unless <paramref name="reference"/> names another source.</param>
    /// <param name="actual">The outputs checked.</param>
    /// <param name="rowLength">O, to name the failing element as (<paramref name="row"/>, o).</param>
    /// <param name="reference">Who wrote <paramref name="expected"/>.</param>
    /// <param name="row">What a row is, in the message: "t" for a timestep, "n" for a sequence of a batch.</param>
    public static void Same(string peer, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, int rowLength, string reference = "the generated kernel", string row = "t")
    {
        if (expected.Length != actual.Length)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{peer}: {actual.Length} outputs, {reference} wrote {expected.Length}"));
        }

        for (int k = 0; k < expected.Length; k++)
        {
            // Written so that a NaN fails the check too.
            if (!(MathF.Abs(expected[k] - actual[k]) <= Tolerance))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{peer} differs from {reference} at {row}={k / rowLength}, o={k % rowLength}: {actual[k]} vs {expected[k]} (tolerance {Tolerance})"));
            }
        }
    }
}
