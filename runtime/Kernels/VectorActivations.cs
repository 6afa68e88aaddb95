using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using RnnGen.Kernels.Activations;

namespace RnnGen.Kernels;

/// <summary>
/// The activations the generated kernels apply, for every vector width they use. Each function is one algorithm
/// (in <c>RnnGen.Kernels.Activations</c>) specialised per width by the JIT, so all widths agree with the scalar
/// overload up to FMA rounding. Every method inlines; the vector overloads become straight-line vector code with
/// no calls or branches.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VectorActivations
{
    /// <summary>tanh(x) per lane: absolute error below 5e-7, never beyond ±1, exactly odd, exactly ±1 for |x| ≥ 9, NaN for NaN.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x) => TanhAlgorithm.Tanh<Vector512Ops, Vector512<float>, Vector512<float>>(x);

    /// <summary>tanh(x) per lane: absolute error below 5e-7, never beyond ±1, exactly odd, exactly ±1 for |x| ≥ 9, NaN for NaN.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x) => TanhAlgorithm.Tanh<Vector256Ops, Vector256<float>, Vector256<float>>(x);

    /// <summary>tanh(x) per lane: absolute error below 5e-7, never beyond ±1, exactly odd, exactly ±1 for |x| ≥ 9, NaN for NaN.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Tanh(Vector128<float> x) => TanhAlgorithm.Tanh<Vector128Ops, Vector128<float>, Vector128<float>>(x);

    /// <summary>tanh(x): absolute error below 5e-7, never beyond ±1, exactly odd, exactly ±1 for |x| ≥ 9, NaN for NaN.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Tanh(float x) => TanhAlgorithm.Tanh<ScalarOps, float, bool>(x);

    /// <summary>1 / (1 + e^-x) per lane: absolute error below 5e-7, exactly 1 for x ≥ 17, exactly 0 for x ≤ -88 (never subnormal), NaN for NaN.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> x) => SigmoidAlgorithm.Sigmoid<Vector512Ops, Vector512<float>, Vector512<float>>(x);

    /// <summary>1 / (1 + e^-x) per lane: absolute error below 5e-7, exactly 1 for x ≥ 17, exactly 0 for x ≤ -88 (never subnormal), NaN for NaN.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> x) => SigmoidAlgorithm.Sigmoid<Vector256Ops, Vector256<float>, Vector256<float>>(x);

    /// <summary>1 / (1 + e^-x) per lane: absolute error below 5e-7, exactly 1 for x ≥ 17, exactly 0 for x ≤ -88 (never subnormal), NaN for NaN.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sigmoid(Vector128<float> x) => SigmoidAlgorithm.Sigmoid<Vector128Ops, Vector128<float>, Vector128<float>>(x);

    /// <summary>1 / (1 + e^-x): absolute error below 5e-7, exactly 1 for x ≥ 17, exactly 0 for x ≤ -88 (never subnormal), NaN for NaN.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float x) => SigmoidAlgorithm.Sigmoid<ScalarOps, float, bool>(x);

    /// <summary>max(x, 0) per lane: negative values become +0; NaN and ±0 pass through unchanged.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Relu(Vector512<float> x) => ReluAlgorithm.Relu<Vector512Ops, Vector512<float>, Vector512<float>>(x);

    /// <summary>max(x, 0) per lane: negative values become +0; NaN and ±0 pass through unchanged.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Relu(Vector256<float> x) => ReluAlgorithm.Relu<Vector256Ops, Vector256<float>, Vector256<float>>(x);

    /// <summary>max(x, 0) per lane: negative values become +0; NaN and ±0 pass through unchanged.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Relu(Vector128<float> x) => ReluAlgorithm.Relu<Vector128Ops, Vector128<float>, Vector128<float>>(x);

    /// <summary>max(x, 0): negative values become +0; NaN and ±0 pass through unchanged.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Relu(float x) => ReluAlgorithm.Relu<ScalarOps, float, bool>(x);
}
