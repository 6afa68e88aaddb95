using System;
using System.Globalization;

namespace RnnGen.Runtime.Tests.Activations;

public class ReluTests
{
    [Theory]
    [MemberData(nameof(Widths.All), MemberType = typeof(Widths))]
    public void Is_max_of_x_and_zero_with_NaN_and_signed_zero_passing_through(Width width)
    {
        float[] x =
        [
            .. Inputs.Sweep,
            .. Inputs.BothSigns([.. Inputs.Huge, float.Epsilon, 0f]),
            .. Inputs.NaNs,
        ];
        float[] got = Evaluate.On(width, RnnActivation.Relu, x);

        for (int i = 0; i < x.Length; i++)
        {
            // Negative numbers become +0; everything else (NaN, ±0, positive) comes back bit for bit.
            float expected = x[i] < 0f ? 0f : x[i];
            if (BitConverter.SingleToInt32Bits(got[i]) != BitConverter.SingleToInt32Bits(expected))
            {
                Assert.Fail(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Relu on {width}: Relu({x[i]:R}) = {got[i]:R} (0x{BitConverter.SingleToInt32Bits(got[i]):X8}), expected 0x{BitConverter.SingleToInt32Bits(expected):X8}"));
            }
        }
    }
}
