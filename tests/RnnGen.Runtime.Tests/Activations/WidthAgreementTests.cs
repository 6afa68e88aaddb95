using System;

namespace RnnGen.Runtime.Tests.Activations;

/// <summary>
/// Every vector width computes the scalar algorithm with the same roundings (fused multiply-adds wherever the CPU
/// has FMA, including in the halves of an emulated width), so on a given CPU all widths return the same bits.
/// </summary>
public class WidthAgreementTests
{
    private const double MaxDifference = 0;

    private static readonly Lazy<double[]> ScalarTanh = new(() => ScalarOverSweep(RnnActivation.Tanh));
    private static readonly Lazy<double[]> ScalarSigmoid = new(() => ScalarOverSweep(RnnActivation.Sigmoid));

    [Theory]
    [MemberData(nameof(Widths.Vectors), MemberType = typeof(Widths))]
    public void Tanh_agrees_with_the_scalar_overload(Width width) => AssertAgrees(width, RnnActivation.Tanh, ScalarTanh.Value);

    [Theory]
    [MemberData(nameof(Widths.Vectors), MemberType = typeof(Widths))]
    public void Sigmoid_agrees_with_the_scalar_overload(Width width) => AssertAgrees(width, RnnActivation.Sigmoid, ScalarSigmoid.Value);

    private static double[] ScalarOverSweep(RnnActivation activation)
        => Array.ConvertAll(Evaluate.On(Width.Scalar, activation, Inputs.Sweep), v => (double)v);

    private static void AssertAgrees(Width width, RnnActivation activation, double[] scalar)
    {
        float[] x = Inputs.Sweep;
        float[] got = Evaluate.On(width, activation, x);

        Worst worst = Worst.AbsoluteError(x, got, scalar);

        Assert.True(worst.Error <= MaxDifference, worst.Describe($"{activation} on {width} against Scalar", MaxDifference));
    }
}
