using System.Runtime.CompilerServices;
using static RnnGen.Kernels.Activations.ActivationConstants;

namespace RnnGen.Kernels.Activations;

/// <summary>
/// e^-a for a ≥ 0, the exponential sigmoid needs. Taking only non-positive exponents means
/// the result never overflows, so one clamp covers the whole domain.
/// </summary>
internal static class ExpAlgorithm
{
    /// <summary>
    /// e^-<paramref name="a"/> for <paramref name="a"/> ≥ 0 (including +∞): relative error about 2e-7 while the
    /// result is a normal float, exactly 0 once it would not be, NaN for NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec ExpNeg<TOps, TVec, TMask>(TVec a)
        where TOps : struct, IFloatOps<TVec, TMask>
        where TVec : struct
        where TMask : struct
    {
        // Min returns a NaN in its second operand, so NaN survives the clamp.
        a = TOps.Min(TOps.Create(ExpNegMaxInput), a);

        // e^-a = 2^-m · e^-r with m = round(a·log2 e) and r = a - m·ln 2, |r| ≤ ln(2)/2. The magic-number add
        // rounds without a convert instruction and leaves m in the low bits of t for the exponent below.
        TVec t = TOps.MultiplyAdd(a, TOps.Create(Log2E), TOps.Create(RoundingMagic));
        TVec m = TOps.Subtract(t, TOps.Create(RoundingMagic));
        TVec r = TOps.MultiplyAdd(m, TOps.Create(-Ln2High), a);
        r = TOps.MultiplyAdd(m, TOps.Create(-Ln2Low), r);

        // 2^-m built straight into the exponent field; this integer work runs alongside the polynomial.
        TVec scale = TOps.ShiftLeftAsInt32(TOps.SubtractAsInt32(TOps.Create(ScaleMagic), t), 23);
        scale = TOps.ConditionalSelect(TOps.LessThan(a, TOps.Create(ExpNegFlushAt)), scale, TOps.Create(0f));

        // Estrin's scheme: three dependent steps instead of Horner's five.
        TVec r2 = TOps.Multiply(r, r);
        TVec p01 = TOps.MultiplyAdd(TOps.Create(ExpC1), r, TOps.Create(1f));
        TVec p23 = TOps.MultiplyAdd(TOps.Create(ExpC3), r, TOps.Create(ExpC2));
        TVec p45 = TOps.MultiplyAdd(TOps.Create(ExpC5), r, TOps.Create(ExpC4));
        TVec p = TOps.MultiplyAdd(TOps.MultiplyAdd(p45, r2, p23), r2, p01);

        return TOps.Multiply(p, scale);
    }
}
