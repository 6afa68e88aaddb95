namespace RnnGen.Package.Tests;

/// <summary>The Elman recurrence in float64, with tanh: h_t = tanh(W·x_t + U·h_{t-1} + b), h_{-1} = 0.</summary>
internal static class ElmanReference
{
    public static double[] Run(float[] w, float[] u, float[] b, float[] inputs, int timesteps, int inputSize, int outputSize)
    {
        var outputs = new double[timesteps * outputSize];
        var previous = new double[outputSize];
        for (int t = 0; t < timesteps; t++)
        {
            var next = new double[outputSize];
            for (int o = 0; o < outputSize; o++)
            {
                double sum = b[o];
                for (int i = 0; i < inputSize; i++)
                {
                    sum += (double)w[(o * inputSize) + i] * inputs[(t * inputSize) + i];
                }

                for (int j = 0; j < outputSize; j++)
                {
                    sum += (double)u[(o * outputSize) + j] * previous[j];
                }

                next[o] = Math.Tanh(sum);
                outputs[(t * outputSize) + o] = next[o];
            }

            previous = next;
        }

        return outputs;
    }
}
