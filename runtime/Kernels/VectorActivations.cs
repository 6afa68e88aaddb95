using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Kernels;

/// <summary>Activations for every vector width the kernels use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VectorActivations
{
    /// <summary>tanh per lane.</summary>
    public static Vector512<float> Tanh(Vector512<float> x) => Vector512.Create(Tanh(x.GetLower()), Tanh(x.GetUpper()));

    /// <summary>tanh per lane.</summary>
    public static Vector256<float> Tanh(Vector256<float> x) => Vector256.Create(Tanh(x.GetLower()), Tanh(x.GetUpper()));

    /// <summary>tanh per lane.</summary>
    public static Vector128<float> Tanh(Vector128<float> x) => Vector128.Create(Tanh(x[0]), Tanh(x[1]), Tanh(x[2]), Tanh(x[3]));

    /// <summary>tanh.</summary>
    public static float Tanh(float x) => MathF.Tanh(x);

    /// <summary>sigmoid per lane.</summary>
    public static Vector512<float> Sigmoid(Vector512<float> x) => Vector512.Create(Sigmoid(x.GetLower()), Sigmoid(x.GetUpper()));

    /// <summary>sigmoid per lane.</summary>
    public static Vector256<float> Sigmoid(Vector256<float> x) => Vector256.Create(Sigmoid(x.GetLower()), Sigmoid(x.GetUpper()));

    /// <summary>sigmoid per lane.</summary>
    public static Vector128<float> Sigmoid(Vector128<float> x) => Vector128.Create(Sigmoid(x[0]), Sigmoid(x[1]), Sigmoid(x[2]), Sigmoid(x[3]));

    /// <summary>sigmoid.</summary>
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    /// <summary>max(x, 0) per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Relu(Vector512<float> x) => Vector512.Max(x, Vector512<float>.Zero);

    /// <summary>max(x, 0) per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Relu(Vector256<float> x) => Vector256.Max(x, Vector256<float>.Zero);

    /// <summary>max(x, 0) per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Relu(Vector128<float> x) => Vector128.Max(x, Vector128<float>.Zero);

    /// <summary>max(x, 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Relu(float x) => x > 0f ? x : 0f;
}
