using System;
using System.Globalization;

namespace RnnGen.Runtime.Tests.Activations;

public class SigmoidTests
{
    private const double MaxAbsoluteError = 5e-7;
    private const double MaxRelativeErrorForNegativeX = 5e-7;
    private const float SmallestNormal = 1.17549435e-38f;

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Absolute_error_is_at_most_5e_7_over_the_sweep(Width width)
    {
        float[] x = Inputs.Sweep;
        float[] got = Evaluate.On(width, RnnActivation.Sigmoid, x);

        Worst worst = Worst.AbsoluteError(x, got, Reference.SweepSigmoid);

        Assert.True(worst.Error <= MaxAbsoluteError, worst.Describe($"Sigmoid on {width}", MaxAbsoluteError));
    }

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Small_results_for_negative_x_keep_their_relative_accuracy(Width width)
    {
        // Down to where the result would leave the normal floats; the tiny values come from e^x itself, not from
        // a difference of numbers near 1.
        float[] x = Inputs.Grid(-87.25f, 0f, 1f / 1024);
        float[] got = Evaluate.On(width, RnnActivation.Sigmoid, x);

        Worst worst = Worst.RelativeError(x, got, Reference.Map(x, Reference.Sigmoid));

        Assert.True(
            worst.Error <= MaxRelativeErrorForNegativeX,
            worst.Describe($"Sigmoid on {width}, relative", MaxRelativeErrorForNegativeX));
    }

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Is_exactly_one_from_17_on(Width width)
    {
        float[] x = [.. Inputs.Grid(17f, 200f, 1f / 1024), .. Inputs.Huge];
        float[] got = Evaluate.On(width, RnnActivation.Sigmoid, x);

        for (int i = 0; i < x.Length; i++)
        {
            if (got[i] != 1f)
            {
                Assert.Fail(
                    string.Create(CultureInfo.InvariantCulture, $"Sigmoid on {width}: Sigmoid({x[i]:R}) = {got[i]:R}, expected exactly 1"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Is_exactly_zero_from_minus_88_down(Width width)
    {
        // The true value there is below 2^-126, the smallest normal float.
        float[] x = Array.ConvertAll([.. Inputs.Grid(88f, 200f, 1f / 1024), .. Inputs.Huge], v => -v);
        float[] got = Evaluate.On(width, RnnActivation.Sigmoid, x);

        for (int i = 0; i < x.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(got[i]) != 0)
            {
                Assert.Fail(
                    string.Create(CultureInfo.InvariantCulture, $"Sigmoid on {width}: Sigmoid({x[i]:R}) = {got[i]:R}, expected exactly +0"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Never_returns_a_subnormal(Width width)
    {
        float[] x = Inputs.Grid(-100f, 0f, 1f / 4096);
        float[] got = Evaluate.On(width, RnnActivation.Sigmoid, x);

        for (int i = 0; i < x.Length; i++)
        {
            if (got[i] != 0f && got[i] < SmallestNormal)
            {
                Assert.Fail(
                    string.Create(CultureInfo.InvariantCulture, $"Sigmoid on {width}: Sigmoid({x[i]:R}) = {got[i]:R} is subnormal"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Special_values(Width width)
    {
        Assert.Equal(1f, Evaluate.On(width, RnnActivation.Sigmoid, float.PositiveInfinity));
        Assert.Equal(0, BitConverter.SingleToInt32Bits(Evaluate.On(width, RnnActivation.Sigmoid, float.NegativeInfinity)));
        Assert.Equal(0.5f, Evaluate.On(width, RnnActivation.Sigmoid, 0f));
        Assert.Equal(0.5f, Evaluate.On(width, RnnActivation.Sigmoid, -0f));
        foreach (float nan in Inputs.NaNs)
        {
            Assert.True(float.IsNaN(Evaluate.On(width, RnnActivation.Sigmoid, nan)), $"Sigmoid on {width} of a NaN is not NaN");
        }
    }
}
