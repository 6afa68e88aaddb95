using System.Runtime.CompilerServices;

namespace RnnGen.Kernels.Activations;

/// <summary>The logistic sigmoid, written once for every width.</summary>
internal static class SigmoidAlgorithm
{
    /// <summary>
    /// 1 / (1 + e^-<paramref name="x"/>): absolute error below 5e-7 and relative accuracy kept for negative x;
    /// exactly 1 from x ≈ 16.6 on (the float result has rounded to 1), exactly 0 once the true value is below the
    /// smallest normal float (x ≤ -87.3), never subnormal, NaN for NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Sigmoid<TOps, TVec, TMask>(TVec x)
        where TOps : struct, IFloatOps<TVec, TMask>
        where TVec : struct
        where TMask : struct
    {
        // With e = e^-|x| ≤ 1: sigmoid(x) = 1/(1 + e) for x ≥ 0 and e/(1 + e) for x < 0. The exponential never
        // overflows, and for negative x the small result comes from e directly instead of from 1 - (something
        // near 1). The numerator is chosen alongside the denominator, so the choice costs no latency.
        TVec e = ExpAlgorithm.ExpNeg<TOps, TVec, TMask>(TOps.Abs(x));
        TVec one = TOps.Create(1f);
        TVec numerator = TOps.ConditionalSelect(TOps.LessThan(x, TOps.Create(0f)), e, one);
        return TOps.Divide(numerator, TOps.Add(e, one));
    }
}
