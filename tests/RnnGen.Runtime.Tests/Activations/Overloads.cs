using System;
using System.Runtime.Intrinsics;
using RnnGen.Kernels;
using RnnGen.Kernels.Activations;

namespace RnnGen.Runtime.Tests.Activations;

/// <summary>The four overloads of one function, one per <see cref="Width"/>.</summary>
internal sealed record Overloads(
    Func<Vector512<float>, Vector512<float>> Vector512,
    Func<Vector256<float>, Vector256<float>> Vector256,
    Func<Vector128<float>, Vector128<float>> Vector128,
    Func<float, float> Scalar)
{
    public static readonly Overloads Tanh = new(
        VectorActivations.Tanh, VectorActivations.Tanh, VectorActivations.Tanh, VectorActivations.Tanh);

    public static readonly Overloads Sigmoid = new(
        VectorActivations.Sigmoid, VectorActivations.Sigmoid, VectorActivations.Sigmoid, VectorActivations.Sigmoid);

    public static readonly Overloads Relu = new(
        VectorActivations.Relu, VectorActivations.Relu, VectorActivations.Relu, VectorActivations.Relu);

    /// <summary>The shared exponential building block, e^-a.</summary>
    public static readonly Overloads ExpNeg = new(
        ExpAlgorithm.ExpNeg<Vector512Ops, Vector512<float>, Vector512<float>>,
        ExpAlgorithm.ExpNeg<Vector256Ops, Vector256<float>, Vector256<float>>,
        ExpAlgorithm.ExpNeg<Vector128Ops, Vector128<float>, Vector128<float>>,
        ExpAlgorithm.ExpNeg<ScalarOps, float, bool>);

    public static Overloads Of(RnnActivation activation) => activation switch
    {
        RnnActivation.Tanh => Tanh,
        RnnActivation.Sigmoid => Sigmoid,
        RnnActivation.Relu => Relu,
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };
}
