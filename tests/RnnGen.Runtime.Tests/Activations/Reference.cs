using System;

namespace RnnGen.Runtime.Tests.Activations;

/// <summary>The exact activations, computed in double.</summary>
internal static class Reference
{
    private static readonly Lazy<double[]> LazySweepTanh = new(() => Map(Inputs.Sweep, Tanh));
    private static readonly Lazy<double[]> LazySweepSigmoid = new(() => Map(Inputs.Sweep, Sigmoid));

    public static double[] SweepTanh => LazySweepTanh.Value;

    public static double[] SweepSigmoid => LazySweepSigmoid.Value;

    public static double Tanh(float x) => Math.Tanh(x);

    public static double Sigmoid(float x) => 1.0 / (1.0 + Math.Exp(-(double)x));

    public static double[] Map(float[] x, Func<float, double> function)
    {
        var result = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = function(x[i]);
        }

        return result;
    }
}
