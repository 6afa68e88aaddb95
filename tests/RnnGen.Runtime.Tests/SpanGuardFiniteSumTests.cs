using System;
using RnnGen.Kernels;

namespace RnnGen.Runtime.Tests;

/// <summary><see cref="SpanGuard.FiniteSum"/>, which every loader that adds two tensors into one uses.</summary>
public class SpanGuardFiniteSumTests
{
    [Theory]
    [InlineData(3e38f, "Infinity")]
    [InlineData(-3e38f, "-Infinity")]
    public void Sum_that_overflows_is_rejected_naming_both_spans_and_the_index(float huge, string sum)
    {
        float[] a = [1f, 2f, huge, 4f];
        float[] b = [1f, 2f, huge, huge];

        ArgumentException exception = Assert.Throws<ArgumentException>(() => SpanGuard.FiniteSum(a, b, "biasIh", "biasHh"));

        Assert.Equal("biasIh", exception.ParamName);
        Assert.StartsWith($"'biasIh' + 'biasHh' = {sum} at flat index 2 ({huge:R} + {huge:R}): each is finite, but their sum overflows float", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Addend_that_is_not_finite_is_not_called_an_overflow()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => SpanGuard.FiniteSum([float.NaN], [1f], "a", "b"));
        Assert.Contains("'a' + 'b' = NaN at flat index 0 (NaN + 1): one of them is not finite", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Largest_finite_sums_pass()
        => SpanGuard.FiniteSum([float.MaxValue, -float.MaxValue, 3e38f], [0f, 0f, -3e38f], "a", "b");

    [Fact]
    public void Spans_of_different_lengths_are_rejected()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => SpanGuard.FiniteSum([1f, 2f], [1f], "a", "b"));
        Assert.Equal("b", exception.ParamName);
        Assert.Contains("'b' must hold 2 floats (the length of 'a'), but its length is 1.", exception.Message, StringComparison.Ordinal);
    }
}
