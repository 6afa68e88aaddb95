namespace RnnGen.Kernels.Activations;

/// <summary>The constants of the activation algorithms, shared by every vector width.</summary>
internal static class ActivationConstants
{
    /// <summary>log2(e).</summary>
    public const float Log2E = 1.44269504088896341f;

    /// <summary>
    /// ln(2) to 9 significant bits (355/512), so <c>m * Ln2High</c> is exact for every integer <c>m</c> the
    /// range reduction produces (at most 127), with or without FMA.
    /// </summary>
    public const float Ln2High = 0.693359375f;

    /// <summary><c>ln(2) - Ln2High</c>: the rest of ln(2).</summary>
    public const float Ln2Low = -2.12194440e-4f;

    /// <summary>
    /// 1.5 * 2^23. Adding it to a value below 2^22 in magnitude rounds that value to an integer, which then sits
    /// in the low mantissa bits: the sum's bit pattern is this constant's bit pattern plus the integer.
    /// </summary>
    public const float RoundingMagic = 12582912f;

    /// <summary>
    /// <see cref="RoundingMagic"/> + 127. Floats near 2^23 are spaced exactly 1 apart, so this constant's bit
    /// pattern is RoundingMagic's plus the exponent bias, and subtracting the bit pattern of
    /// <c>RoundingMagic + m</c> from it leaves the biased exponent of 2^-m.
    /// </summary>
    public const float ScaleMagic = 12583039f;

    /// <summary>
    /// The largest argument <see cref="ExpAlgorithm"/> evaluates; larger ones (including +∞) are clamped here.
    /// It keeps the rounded exponent in range (2^-127 at most) and lies beyond <see cref="ExpNegFlushAt"/>.
    /// </summary>
    public const float ExpNegMaxInput = 88f;

    /// <summary>
    /// e^-a for a at or above this is flushed to 0. Below it the result is at least 2^-126, the smallest normal
    /// float, so no lane ever produces a subnormal (each costs a microcode assist on x86); above it the true
    /// value is within about 1.2e-38 of 0.
    /// </summary>
    public const float ExpNegFlushAt = 87.3f;

    // e^-r ≈ 1 + r·(C1 + r·(C2 + r·(C3 + r·(C4 + r·C5)))) on |r| ≤ ln(2)/2 (plus a little for rounding of m):
    // minimax for relative error with the constant term pinned to 1 (so e^0 is exactly 1), max 9.3e-8.

    /// <summary>Coefficient of r in the e^-r polynomial.</summary>
    public const float ExpC1 = -0.9999997019767761f;

    /// <summary>Coefficient of r² in the e^-r polynomial.</summary>
    public const float ExpC2 = 0.49999138712882996f;

    /// <summary>Coefficient of r³ in the e^-r polynomial.</summary>
    public const float ExpC3 = -0.16667647659778595f;

    /// <summary>Coefficient of r⁴ in the e^-r polynomial.</summary>
    public const float ExpC4 = 0.04189926013350487f;

    /// <summary>Coefficient of r⁵ in the e^-r polynomial.</summary>
    public const float ExpC5 = -0.008290068246424198f;

    /// <summary>
    /// Below this |x| tanh uses its odd polynomial. Above it, the e^-2|x| form is accurate: 1 - e^-2|x| no longer
    /// cancels badly (e^-1.25 ≈ 0.29), while below it the polynomial keeps tanh's relative accuracy near 0, which
    /// the exponential form loses to that cancellation (Cephes tanhf's split).
    /// </summary>
    public const float TanhPolynomialLimit = 0.625f;

    // tanh(x) ≈ x·(1 + z·(T1 + z·(T2 + z·(T3 + z·(T4 + z·T5))))) with z = x², |x| < 0.625 (Cephes tanhf).

    /// <summary>Coefficient of z in the tanh polynomial.</summary>
    public const float TanhT1 = -3.33332819422E-1f;

    /// <summary>Coefficient of z² in the tanh polynomial.</summary>
    public const float TanhT2 = 1.33314422036E-1f;

    /// <summary>Coefficient of z³ in the tanh polynomial.</summary>
    public const float TanhT3 = -5.37397155531E-2f;

    /// <summary>Coefficient of z⁴ in the tanh polynomial.</summary>
    public const float TanhT4 = 2.06390887954E-2f;

    /// <summary>Coefficient of z⁵ in the tanh polynomial.</summary>
    public const float TanhT5 = -5.70498872745E-3f;
}
