using System;
using System.Globalization;
using System.Text;

namespace RnnGen.Tests.Harness;

/// <summary>Element-wise comparisons whose failure messages say where (row, column) the values differ.</summary>
public static class FloatAssert
{
    private const int ListedMismatches = 5;

    /// <summary>Every |expected - actual| is at most <paramref name="tolerance"/> (NaN never is).</summary>
    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double tolerance, int rowLength, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} values, got {actual.Length}.");
        int mismatches = 0;
        int worst = -1;
        double worstDiff = 0;
        var listed = new StringBuilder();
        for (int i = 0; i < expected.Length; i++)
        {
            double diff = Math.Abs(expected[i] - actual[i]);
            if (diff <= tolerance)
            {
                continue;
            }

            if (mismatches++ < ListedMismatches)
            {
                listed.Append(Describe(i, rowLength, expected[i], actual[i]));
            }

            if (worst < 0 || diff > worstDiff || double.IsNaN(diff))
            {
                worst = i;
                worstDiff = diff;
            }
        }

        if (mismatches > 0)
        {
            Assert.Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"{what}: {mismatches} of {expected.Length} values differ by more than {tolerance}; worst{Describe(worst, rowLength, expected[worst], actual[worst])}\nfirst ones:{listed}"));
        }
    }

    /// <summary><see cref="Close(ReadOnlySpan{double}, ReadOnlySpan{float}, double, int, string)"/> against float32 expectations.</summary>
    public static void Close(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double tolerance, int rowLength, string what)
    {
        var widened = new double[expected.Length];
        for (int i = 0; i < widened.Length; i++)
        {
            widened[i] = expected[i];
        }

        Close(widened, actual, tolerance, rowLength, what);
    }

    /// <summary>The two spans hold the same bits (so +0 and -0 differ, and NaN equals the same NaN).</summary>
    public static void Identical(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, int rowLength, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} values, got {actual.Length}.");
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
            {
                Assert.Fail($"{what}: not bit for bit identical; first difference{Describe(i, rowLength, expected[i], actual[i])}");
            }
        }
    }

    /// <summary>Every element still holds <paramref name="sentinel"/>: nothing was written.</summary>
    public static void Untouched(ReadOnlySpan<float> span, float sentinel, string what)
    {
        for (int i = 0; i < span.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(span[i]) != BitConverter.SingleToInt32Bits(sentinel))
            {
                Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{what}: element {i} was overwritten with {span[i]:R}."));
            }
        }
    }

    private static string Describe(int index, int rowLength, double expected, double actual)
        => string.Create(
            CultureInfo.InvariantCulture,
            $" [row {index / rowLength}, column {index % rowLength}] expected {expected:R}, actual {actual:R} (diff {Math.Abs(expected - actual):E2});");
}
