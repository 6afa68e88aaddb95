using System;

namespace RnnGen.Tests;

/// <summary>
/// The formula in float64, with plain loops and nothing clever: h_t = act(W·x_t + U·h_{t-1} + b).
/// The kernels are judged against this.
/// </summary>
public static class Reference
{
    /// <summary>
    /// Runs as many timesteps as <paramref name="inputs"/> holds (its length / I) from
    /// <paramref name="initialState"/>, or from zeros when it is empty; returns every h_t as a T×O row-major array.
    /// </summary>
    public static double[] Run(
        RnnActivation activation,
        ReadOnlySpan<float> w,
        ReadOnlySpan<float> u,
        ReadOnlySpan<float> b,
        ReadOnlySpan<float> inputs,
        ReadOnlySpan<float> initialState = default)
    {
        int outputSize = b.Length;
        int inputSize = w.Length / outputSize;
        int timesteps = inputs.Length / inputSize;
        var h = new double[outputSize];
        for (int o = 0; o < initialState.Length; o++)
        {
            h[o] = initialState[o];
        }

        var outputs = new double[timesteps * outputSize];
        var next = new double[outputSize];
        for (int t = 0; t < timesteps; t++)
        {
            for (int o = 0; o < outputSize; o++)
            {
                double sum = b[o];
                for (int i = 0; i < inputSize; i++)
                {
                    sum += (double)w[(o * inputSize) + i] * inputs[(t * inputSize) + i];
                }

                for (int j = 0; j < outputSize; j++)
                {
                    sum += (double)u[(o * outputSize) + j] * h[j];
                }

                next[o] = Activate(activation, sum);
            }

            Array.Copy(next, h, outputSize);
            Array.Copy(next, 0, outputs, t * outputSize, outputSize);
        }

        return outputs;
    }

    /// <summary>The activation in float64.</summary>
    public static double Activate(RnnActivation activation, double x) => activation switch
    {
        RnnActivation.Tanh => Math.Tanh(x),
        RnnActivation.Relu => Math.Max(x, 0),
        RnnActivation.Sigmoid => 1 / (1 + Math.Exp(-x)),
        RnnActivation.Linear => x,
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
    };
}
