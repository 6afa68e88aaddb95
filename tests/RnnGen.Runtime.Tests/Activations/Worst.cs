using System;
using System.Globalization;

namespace RnnGen.Runtime.Tests.Activations;

/// <summary>The worst point of a comparison, with a message that names it.</summary>
internal readonly record struct Worst(double Error, float X, double Got, double Expected)
{
    /// <summary>The largest |got - expected| (a NaN counts as infinitely wrong).</summary>
    public static Worst AbsoluteError(float[] x, float[] got, double[] expected)
    {
        var worst = new Worst(-1, 0, 0, 0);
        for (int i = 0; i < x.Length; i++)
        {
            double error = Math.Abs(got[i] - expected[i]);
            error = double.IsNaN(error) ? double.PositiveInfinity : error;
            if (error > worst.Error)
            {
                worst = new Worst(error, x[i], got[i], expected[i]);
            }
        }

        return worst;
    }

    /// <summary>The largest |got - expected| / |expected| over the points where expected is not 0.</summary>
    public static Worst RelativeError(float[] x, float[] got, double[] expected)
    {
        var worst = new Worst(-1, 0, 0, 0);
        for (int i = 0; i < x.Length; i++)
        {
            double error = Math.Abs((got[i] - expected[i]) / expected[i]);
            error = double.IsNaN(error) ? double.PositiveInfinity : error;
            if (expected[i] != 0 && error > worst.Error)
            {
                worst = new Worst(error, x[i], got[i], expected[i]);
            }
        }

        return worst;
    }

    public string Describe(string what, double bound) => string.Create(
        CultureInfo.InvariantCulture,
        $"{what}: worst error {Error:E3} (bound {bound:E1}) at x = {X:R}: got {Got:R}, expected {Expected:R}");
}
