using System;
using System.Globalization;

namespace RnnGen.Runtime.Tests.Activations;

/// <summary>The exponential that tanh and sigmoid share, tested on its own so a fault shows where it is.</summary>
public class ExpNegTests
{
    private const double MaxRelativeError = 2.5e-7;
    private const float SmallestNormal = 1.17549435e-38f;

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Relative_error_is_at_most_2_5e_7_while_the_result_is_normal(Width width)
    {
        float[] a = [.. Inputs.Grid(0f, 87.29f, 1f / 4096), .. Inputs.FloatsByBits(0f, 1f, 4099)];
        float[] got = Evaluate.On(width, Overloads.ExpNeg, a);

        Worst worst = Worst.RelativeError(a, got, Reference.Map(a, v => Math.Exp(-(double)v)));

        Assert.True(worst.Error <= MaxRelativeError, worst.Describe($"ExpNeg on {width}", MaxRelativeError));
    }

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Flushes_to_zero_instead_of_returning_a_subnormal(Width width)
    {
        float[] a = [.. Inputs.Grid(80f, 120f, 1f / 4096), .. Inputs.Huge];
        float[] got = Evaluate.On(width, Overloads.ExpNeg, a);

        for (int i = 0; i < a.Length; i++)
        {
            bool flushed = BitConverter.SingleToInt32Bits(got[i]) == 0;
            bool expectFlush = a[i] >= 87.3f;
            if (flushed != expectFlush || (!flushed && got[i] < SmallestNormal))
            {
                Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"ExpNeg on {width}: e^-{a[i]:R} = {got[i]:R}"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Zero_gives_exactly_one_and_NaN_gives_NaN(Width width)
    {
        Assert.Equal(1f, Evaluate.On(width, Overloads.ExpNeg, [0f])[0]);
        foreach (float nan in Inputs.NaNs)
        {
            Assert.True(float.IsNaN(Evaluate.On(width, Overloads.ExpNeg, [nan])[0]), $"ExpNeg on {width} of a NaN is not NaN");
        }
    }
}
