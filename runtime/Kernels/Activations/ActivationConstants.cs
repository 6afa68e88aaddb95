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
    /// tanh clamps its argument to ±this. The rational form below evaluates to exactly 1 here, as float tanh does
    /// (tanh(x) rounds to 1 from about 8.7 on), and clamping keeps the polynomials from growing without bound.
    /// </summary>
    public const float TanhClamp = 9f;

    // tanh(x) ≈ x·P(z)/Q(z), z = x², on |x| ≤ 9: P of degree 6 and Q of degree 3, both with constant term exactly 1
    // (so tiny x come back unchanged), fitted for minimax relative error (7e-9 in exact arithmetic; float rounding
    // of the evaluation dominates the result's error).

    /// <summary>Coefficient of z in the tanh numerator P.</summary>
    public const float TanhP1 = 0.1308576464653015f;

    /// <summary>Coefficient of z² in the tanh numerator P.</summary>
    public const float TanhP2 = 0.003105879994109273f;

    /// <summary>Coefficient of z³ in the tanh numerator P.</summary>
    public const float TanhP3 = 1.1173428902111482e-05f;

    /// <summary>Coefficient of z⁴ in the tanh numerator P.</summary>
    public const float TanhP4 = -2.0296887726090063e-08f;

    /// <summary>Coefficient of z⁵ in the tanh numerator P.</summary>
    public const float TanhP5 = 5.3093456714448095e-11f;

    /// <summary>Coefficient of z⁶ in the tanh numerator P.</summary>
    public const float TanhP6 = -8.561781248165798e-14f;

    /// <summary>Coefficient of z in the tanh denominator Q.</summary>
    public const float TanhQ1 = 0.46419093012809753f;

    /// <summary>Coefficient of z² in the tanh denominator Q.</summary>
    public const float TanhQ2 = 0.024502940475940704f;

    /// <summary>Coefficient of z³ in the tanh denominator Q.</summary>
    public const float TanhQ3 = 0.00025488872779533267f;
}
