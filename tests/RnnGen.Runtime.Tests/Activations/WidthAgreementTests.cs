using System;

namespace RnnGen.Runtime.Tests.Activations;

/// <summary>Every vector width computes the scalar algorithm; only FMA rounding may tell them apart.</summary>
public class WidthAgreementTests
{
    private const double MaxDifference = 2e-7;

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
