using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace RnnGen.Kernels;

/// <summary>Arithmetic helpers the generated kernels call. Every method inlines to one or two instructions.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SimdMath
{
    /// <summary>
    /// <c>a * b + c</c>, fused where the CPU has FMA. Where this width is emulated, its halves still use the
    /// narrower FMA, so every width (and the scalar activations) round alike on a given CPU.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c)
    {
        if (Avx512F.IsSupported)
        {
            return Avx512F.FusedMultiplyAdd(a, b, c);
        }

        if (Fma.IsSupported || AdvSimd.IsSupported)
        {
            return Vector512.Create(
                MultiplyAdd(a.GetLower(), b.GetLower(), c.GetLower()),
                MultiplyAdd(a.GetUpper(), b.GetUpper(), c.GetUpper()));
        }

        return (a * b) + c;
    }

    /// <summary><c>a * b + c</c>, fused where the CPU has FMA; emulated on Arm64 as two fused halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c)
    {
        if (Fma.IsSupported)
        {
            return Fma.MultiplyAdd(a, b, c);
        }

        if (AdvSimd.IsSupported)
        {
            return Vector256.Create(
                MultiplyAdd(a.GetLower(), b.GetLower(), c.GetLower()),
                MultiplyAdd(a.GetUpper(), b.GetUpper(), c.GetUpper()));
        }

        return (a * b) + c;
    }

    /// <summary><c>a * b + c</c>, fused where the CPU has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c)
    {
        if (Fma.IsSupported)
        {
            return Fma.MultiplyAdd(a, b, c);
        }

        if (AdvSimd.IsSupported)
        {
            return AdvSimd.FusedMultiplyAdd(c, a, b);
        }

        return (a * b) + c;
    }

    /// <summary><c>a * b + c</c>, fused exactly where the vector widths are (x86 FMA, Arm64), as the scalar activations do.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MultiplyAdd(float a, float b, float c) => Activations.ScalarOps.MultiplyAdd(a, b, c);

    /// <summary>
    /// The first element of <paramref name="buffer"/> that sits on a 64-byte boundary, so that vector loads
    /// and stores of a stack buffer never straddle a cache line. The buffer needs 15 spare floats.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe ref float AlignTo64(Span<float> buffer)
    {
        ref float first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(buffer);
        nuint address = (nuint)Unsafe.AsPointer(ref first);
        nuint skip = ((64 - (address & 63)) & 63) / sizeof(float);
        return ref Unsafe.Add(ref first, skip);
    }
}
