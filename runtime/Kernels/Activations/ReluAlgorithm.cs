using System.Runtime.CompilerServices;

namespace RnnGen.Kernels.Activations;

/// <summary>The rectified linear unit, written once for every width.</summary>
internal static class ReluAlgorithm
{
    /// <summary>
    /// <c>x &lt; 0 ? +0 : x</c>: negative values (including -∞) become +0; NaN, ±0 and positive values pass
    /// through unchanged. One <c>maxps</c> on x86, and the same bits on every width.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Relu<TOps, TVec, TMask>(TVec x)
        where TOps : struct, IFloatOps<TVec, TMask>
        where TVec : struct
        where TMask : struct
        => TOps.Max(TOps.Create(0f), x);
}
