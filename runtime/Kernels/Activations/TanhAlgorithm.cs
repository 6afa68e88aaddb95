using System.Runtime.CompilerServices;
using static RnnGen.Kernels.Activations.ActivationConstants;

namespace RnnGen.Kernels.Activations;

/// <summary>The hyperbolic tangent, written once for every width.</summary>
internal static class TanhAlgorithm
{
    /// <summary>
    /// tanh(<paramref name="x"/>): absolute error below 5e-7, exactly odd, exactly ±1 from |x| ≈ 8.7 on
    /// (the float result has rounded to 1 there), NaN for NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Tanh<TOps, TVec, TMask>(TVec x)
        where TOps : struct, IFloatOps<TVec, TMask>
        where TVec : struct
        where TMask : struct
    {
        TVec a = TOps.Abs(x);

        // Small |x|: x·(1 + z·P(z)). The product with x comes last so that tanh(-0) is -0 and tiny or subnormal
        // x come back unchanged (the bracket rounds to exactly 1); it also makes the result exactly odd.
        TVec z = TOps.Multiply(x, x);
        TVec poly = TOps.MultiplyAdd(TOps.Create(TanhT5), z, TOps.Create(TanhT4));
        poly = TOps.MultiplyAdd(poly, z, TOps.Create(TanhT3));
        poly = TOps.MultiplyAdd(poly, z, TOps.Create(TanhT2));
        poly = TOps.MultiplyAdd(poly, z, TOps.Create(TanhT1));
        TVec small = TOps.Multiply(x, TOps.MultiplyAdd(poly, z, TOps.Create(1f)));

        // Large |x|: sign(x)·(1 - e)/(1 + e) with e = e^-2|x| ≤ 1, so nothing overflows. The sign goes into the
        // numerator, computed alongside the denominator, rather than onto the quotient, which would lengthen the
        // chain; -sign·e + sign is the exact negation of the positive case, keeping the result odd.
        TVec e = ExpAlgorithm.ExpNeg<TOps, TVec, TMask>(TOps.Add(a, a));
        TVec sign = TOps.CopySign(TOps.Create(1f), x);
        TVec numerator = TOps.MultiplyAdd(e, TOps.Negate(sign), sign);
        TVec large = TOps.Divide(numerator, TOps.Add(e, TOps.Create(1f)));

        // NaN compares false and takes the large form, which carries the NaN through.
        return TOps.ConditionalSelect(TOps.LessThan(a, TOps.Create(TanhPolynomialLimit)), small, large);
    }
}
