using RnnGen.Formats;
using RnnGen.Generator.Helpers;

namespace RnnGen.Generator.Weights;

/// <summary>
/// The value checks the runtime's file loaders make, on the file's own tensors, so a file that fails to load at run
/// time fails to compile in, naming the same tensors and flat indices. Each returns what is wrong, or null.
/// </summary>
internal static class WeightValueChecks
{
    /// <summary>The first value that is NaN or infinite.</summary>
    public static string? NotFinite(TensorData tensor)
    {
        float[] values = tensor.Data;
        for (int i = 0; i < values.Length; i++)
        {
            if (!IsFinite(values[i]))
            {
                return $"tensor '{tensor.Name}' holds {Number(values[i])} at flat index {Invariant.Int(i)}";
            }
        }

        return null;
    }

    /// <summary>The first value that is not zero, for a layer declared with <c>UseBias = false</c>.</summary>
    public static string? NotZero(TensorData bias)
    {
        float[] values = bias.Data;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] != 0f)
            {
                return $"tensor '{bias.Name}' holds {Number(values[i])} at flat index {Invariant.Int(i)}, but the layer is declared with UseBias = false, so every bias must be zero.";
            }
        }

        return null;
    }

    /// <summary>
    /// The first flat index where the float sum of two tensors the layer adds into one, PyTorch's two biases, is
    /// not finite although each addend is.
    /// </summary>
    public static string? SumNotFinite(TensorData a, TensorData b)
    {
        for (int i = 0; i < a.Data.Length; i++)
        {
            float sum = a.Data[i] + b.Data[i];
            if (!IsFinite(sum))
            {
                return $"tensors '{a.Name}' + '{b.Name}' = {Number(sum)} at flat index {Invariant.Int(i)} ({Number(a.Data[i])} + {Number(b.Data[i])}): each is finite, but their sum overflows float, and the layer's bias is that sum";
            }
        }

        return null;
    }

    /// <summary>The element-wise float sum, as the runtime's loader computes it.</summary>
    public static float[] Sum(TensorData a, TensorData b)
    {
        var sum = new float[a.Data.Length];
        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] = a.Data[i] + b.Data[i];
        }

        return sum;
    }

    // float.IsFinite is missing from netstandard2.0.
    private static bool IsFinite(float value) => !float.IsNaN(value) && !float.IsInfinity(value);

    private static string Number(float value) => Invariant.Float(value).TrimEnd('f');
}
