using System;
using System.Globalization;
using RnnGen.Kernels;

namespace RnnGen.Runtime.Tests.Activations;

public class TanhTests
{
    private const double MaxAbsoluteError = 5e-7;

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Absolute_error_is_at_most_5e_7_over_the_sweep(Width width)
    {
        float[] x = Inputs.Sweep;
        float[] got = Evaluate.On(width, RnnActivation.Tanh, x);

        Worst worst = Worst.AbsoluteError(x, got, Reference.SweepTanh);

        Assert.True(worst.Error <= MaxAbsoluteError, worst.Describe($"Tanh on {width}", MaxAbsoluteError));
    }

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Never_leaves_minus_one_to_one(Width width)
    {
        float[] x = Inputs.Sweep;
        float[] got = Evaluate.On(width, RnnActivation.Tanh, x);

        for (int i = 0; i < x.Length; i++)
        {
            if (!(Math.Abs(got[i]) <= 1f))
            {
                Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"Tanh on {width}: Tanh({x[i]:R}) = {got[i]:R}"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Is_odd_bit_for_bit(Width width)
    {
        float[] x = Inputs.Sweep;
        float[] negated = Array.ConvertAll(x, v => -v);
        float[] got = Evaluate.On(width, RnnActivation.Tanh, x);
        float[] gotNegated = Evaluate.On(width, RnnActivation.Tanh, negated);

        for (int i = 0; i < x.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(gotNegated[i]) != BitConverter.SingleToInt32Bits(-got[i]))
            {
                Assert.Fail(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Tanh on {width}: Tanh({negated[i]:R}) = {gotNegated[i]:R} but -Tanh({x[i]:R}) = {-got[i]:R}"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Is_exactly_plus_or_minus_one_from_9_on(Width width)
    {
        float[] x = Inputs.BothSigns([.. Inputs.Grid(9f, 100f, 1f / 1024), .. Inputs.Huge]);
        float[] got = Evaluate.On(width, RnnActivation.Tanh, x);

        for (int i = 0; i < x.Length; i++)
        {
            float expected = x[i] > 0 ? 1f : -1f;
            if (got[i] != expected)
            {
                Assert.Fail(
                    string.Create(CultureInfo.InvariantCulture, $"Tanh on {width}: Tanh({x[i]:R}) = {got[i]:R}, expected exactly {expected}"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Infinities_give_the_limits_and_NaN_gives_NaN(Width width)
    {
        Assert.Equal(1f, Evaluate.On(width, RnnActivation.Tanh, float.PositiveInfinity));
        Assert.Equal(-1f, Evaluate.On(width, RnnActivation.Tanh, float.NegativeInfinity));
        foreach (float nan in Inputs.NaNs)
        {
            Assert.True(float.IsNaN(Evaluate.On(width, RnnActivation.Tanh, nan)), $"Tanh on {width} of a NaN is not NaN");
        }
    }

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Tiny_inputs_come_back_within_one_ulp_of_x(Width width)
    {
        // Every 1009th float below 1e-4 (subnormals included), the edges of the subnormal range, and ±0.
        float[] x = Inputs.BothSigns(
        [
            .. Inputs.FloatsByBits(0f, 1e-4f, 1009),
            float.Epsilon,
            BitConverter.Int32BitsToSingle(0x007FFFFF),
            BitConverter.Int32BitsToSingle(0x00800000),
            BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(1e-4f) - 1),
        ]);
        float[] got = Evaluate.On(width, RnnActivation.Tanh, x);

        long worstUlps = -1;
        int worst = 0;
        for (int i = 0; i < x.Length; i++)
        {
            long ulps = Ulps.Between(got[i], x[i]);
            if (ulps > worstUlps)
            {
                (worstUlps, worst) = (ulps, i);
            }
        }

        Assert.True(
            worstUlps <= 1,
            string.Create(CultureInfo.InvariantCulture, $"Tanh on {width}: Tanh({x[worst]:R}) = {got[worst]:R} is {worstUlps} ulps from x"));
    }

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Zero_keeps_its_sign(Width width)
    {
        Assert.Equal(0, BitConverter.SingleToInt32Bits(Evaluate.On(width, RnnActivation.Tanh, 0f)));
        Assert.Equal(BitConverter.SingleToInt32Bits(-0f), BitConverter.SingleToInt32Bits(Evaluate.On(width, RnnActivation.Tanh, -0f)));
    }
}
