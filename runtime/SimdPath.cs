using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RnnGen;

/// <summary>The SIMD width a generated kernel runs with on this machine.</summary>
public enum SimdPath
{
    /// <summary>No hardware SIMD: plain scalar loops.</summary>
    Scalar = 1,

    /// <summary>128-bit vectors (SSE, AdvSimd on Arm64): 4 floats per register.</summary>
    Vector128 = 4,

    /// <summary>256-bit vectors (AVX2 with FMA): 8 floats per register.</summary>
    Vector256 = 8,

    /// <summary>512-bit vectors (AVX-512): 16 floats per register.</summary>
    Vector512 = 16,
}

/// <summary>Which <see cref="SimdPath"/> the generated kernels take in this process.</summary>
public static class SimdPaths
{
    /// <summary>
    /// The widest accelerated vector width (Vector256 only together with FMA, which its kernels use directly).
    /// Generated kernels make the same choice with the same JIT-time constants, so this is exactly the path they run.
    /// </summary>
    public static SimdPath Current =>
        Vector512.IsHardwareAccelerated ? SimdPath.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? SimdPath.Vector256
        : Vector128.IsHardwareAccelerated ? SimdPath.Vector128
        : SimdPath.Scalar;

    /// <summary>Floats per vector on <see cref="Current"/> (1 when scalar).</summary>
    public static int Lanes => (int)Current;
}
