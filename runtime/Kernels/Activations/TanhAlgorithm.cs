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
    /// <remarks>
    /// One rational function over the whole range rather than a polynomial near 0 blended with an exponential
    /// form: no exponent tricks, no select, about half the instructions, and a shorter dependency chain, which
    /// the recurrence waits on every timestep.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Tanh<TOps, TVec, TMask>(TVec x)
        where TOps : struct, IFloatOps<TVec, TMask>
        where TVec : struct
        where TMask : struct
    {
        // Min and Max return a NaN in their second operand, so NaN survives the clamp; ±∞ become ±TanhClamp.
        x = TOps.Max(TOps.Create(-TanhClamp), TOps.Min(TOps.Create(TanhClamp), x));

        // P and Q depend on x² only and x multiplies last, so the result is exactly odd and -0 stays -0. Both
        // constant terms are 1, so tiny and subnormal x come back unchanged (P and Q round to exactly 1).
        TVec z = TOps.Multiply(x, x);

        // P by Estrin's scheme (three pieces combined in z² steps): four dependent steps instead of Horner's six.
        TVec z2 = TOps.Multiply(z, z);
        TVec high = TOps.MultiplyAdd(TOps.MultiplyAdd(TOps.Create(TanhP6), z, TOps.Create(TanhP5)), z, TOps.Create(TanhP4));
        TVec mid = TOps.MultiplyAdd(TOps.Create(TanhP3), z, TOps.Create(TanhP2));
        TVec low = TOps.MultiplyAdd(TOps.Create(TanhP1), z, TOps.Create(1f));
        TVec p = TOps.MultiplyAdd(TOps.MultiplyAdd(high, z2, mid), z2, low);

        // Q is evaluated alongside P; its chain is shorter.
        TVec q = TOps.MultiplyAdd(TOps.Create(TanhQ3), z, TOps.Create(TanhQ2));
        q = TOps.MultiplyAdd(q, z, TOps.Create(TanhQ1));
        q = TOps.MultiplyAdd(q, z, TOps.Create(1f));

        // Rounding in the evaluation can land a few ulps above 1 near the top of the range; tanh never does.
        TVec result = TOps.Divide(TOps.Multiply(x, p), q);
        return TOps.Max(TOps.Create(-1f), TOps.Min(TOps.Create(1f), result));
    }
}
