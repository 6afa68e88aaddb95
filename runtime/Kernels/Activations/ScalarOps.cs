using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace RnnGen.Kernels.Activations;

/// <summary><see cref="IFloatOps{TVec, TMask}"/> for a single <see cref="float"/>.</summary>
internal readonly struct ScalarOps : IFloatOps<float, bool>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Create(float value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Add(float a, float b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Subtract(float a, float b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Multiply(float a, float b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Divide(float a, float b) => a / b;

    /// <remarks>
    /// Fused exactly where the vector widths are (x86 FMA, Arm64), so on a given CPU every width rounds alike and
    /// returns the same bits; unfused elsewhere, where <see cref="MathF.FusedMultiplyAdd"/> would be a slow
    /// software emulation (the scalar path is the one taken with hardware intrinsics off).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MultiplyAdd(float a, float b, float c)
        => Fma.IsSupported || AdvSimd.IsSupported ? MathF.FusedMultiplyAdd(a, b, c) : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Abs(float a) => MathF.Abs(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Min(float a, float b) => a < b ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Max(float a, float b) => a > b ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThan(float a, float b) => a < b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ConditionalSelect(bool mask, float ifTrue, float ifFalse) => mask ? ifTrue : ifFalse;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SubtractAsInt32(float a, float b)
        => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) - BitConverter.SingleToInt32Bits(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ShiftLeftAsInt32(float a, int count)
        => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) << count);
}
