namespace RnnGen.Kernels.Activations;

/// <summary>
/// The lane-wise operations the activation algorithms are written in. Each vector width implements it with a
/// <see langword="readonly"/> struct, so the JIT specialises the generic algorithms per width and inlines every
/// call: the algorithm exists once, and each width compiles to straight-line code.
/// </summary>
/// <typeparam name="TVec">The value type: a vector of floats, or <see cref="float"/> itself.</typeparam>
/// <typeparam name="TMask">The result of a comparison: an all-bits lane mask for vectors, <see cref="bool"/> for scalars.</typeparam>
internal interface IFloatOps<TVec, TMask>
    where TVec : struct
    where TMask : struct
{
    /// <summary><paramref name="value"/> in every lane.</summary>
    static abstract TVec Create(float value);

    /// <summary><c>a + b</c>.</summary>
    static abstract TVec Add(TVec a, TVec b);

    /// <summary><c>a - b</c>.</summary>
    static abstract TVec Subtract(TVec a, TVec b);

    /// <summary><c>a * b</c>.</summary>
    static abstract TVec Multiply(TVec a, TVec b);

    /// <summary><c>a / b</c>.</summary>
    static abstract TVec Divide(TVec a, TVec b);

    /// <summary><c>a * b + c</c>, fused (one rounding) where the CPU has FMA, else two roundings.</summary>
    static abstract TVec MultiplyAdd(TVec a, TVec b, TVec c);

    /// <summary><paramref name="a"/> with its sign bit cleared (NaN stays NaN).</summary>
    static abstract TVec Abs(TVec a);

    /// <summary><c>a &lt; b ? a : b</c> exactly: a NaN in <paramref name="b"/> is returned, as x86 <c>minps</c> does.</summary>
    static abstract TVec Min(TVec a, TVec b);

    /// <summary><c>a &gt; b ? a : b</c> exactly: a NaN in <paramref name="b"/> is returned, as x86 <c>maxps</c> does.</summary>
    static abstract TVec Max(TVec a, TVec b);

    /// <summary>The lanes where <c>a &lt; b</c> (false for NaN).</summary>
    static abstract TMask LessThan(TVec a, TVec b);

    /// <summary><paramref name="ifTrue"/> in the lanes set in <paramref name="mask"/>, else <paramref name="ifFalse"/>.</summary>
    static abstract TVec ConditionalSelect(TMask mask, TVec ifTrue, TVec ifFalse);

    /// <summary>The bit patterns of <paramref name="a"/> and <paramref name="b"/> subtracted as 32-bit integers.</summary>
    static abstract TVec SubtractAsInt32(TVec a, TVec b);

    /// <summary>The bit pattern of <paramref name="a"/> shifted left by <paramref name="count"/> as a 32-bit integer.</summary>
    static abstract TVec ShiftLeftAsInt32(TVec a, int count);
}
