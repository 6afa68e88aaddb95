using System.Collections.Generic;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Layout;

namespace RnnGen.Generator.Weights;

/// <summary>
/// The value checks the runtime's load methods make, made at build time on the file's tensors and reported with the
/// file's names and indices: every weight finite; biases zero without UseBias; the biases the layer adds at load
/// time (see <see cref="BiasSums"/>) finite as a sum.
/// </summary>
internal static class WeightsChecks
{
    /// <summary>The first problem in words, naming the file's tensor and the flat index, or null.</summary>
    public static string? Find(LayerModel model, EmbeddedWeights weights)
    {
        foreach (EmbeddedTensor tensor in weights.Tensors)
        {
            System.ReadOnlySpan<float> values = tensor.Values.AsSpan();
            for (int i = 0; i < values.Length; i++)
            {
                if (!IsFinite(values[i]))
                {
                    return $"tensor '{tensor.FileName}' holds {Text(values[i])} at flat index {Invariant.Int(i)}; weights must be finite numbers";
                }
            }

            bool isBias = tensor.Name.StartsWith("Bias", System.StringComparison.Ordinal);
            if (isBias && !model.UseBias)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    if (values[i] != 0f)
                    {
                        return $"tensor '{tensor.FileName}' holds {Text(values[i])} at flat index {Invariant.Int(i)}, but the layer is declared with UseBias = false, so every bias must be zero";
                    }
                }
            }
        }

        return FindOverflowingSum(model, weights);
    }

    private static string? FindOverflowingSum(LayerModel model, EmbeddedWeights weights)
    {
        var byName = new Dictionary<string, EmbeddedTensor>();
        foreach (EmbeddedTensor tensor in weights.Tensors)
        {
            byName[tensor.Name] = tensor;
        }

        if (byName.TryGetValue("BiasIh", out EmbeddedTensor? ih) && byName.TryGetValue("BiasHh", out EmbeddedTensor? hh))
        {
            return FindOverflowingSum(ih, 0, hh, 0, BiasSums.PyTorchSummedCount(model.Cell, model.Output), $"'{ih.FileName}' + '{hh.FileName}'");
        }

        int rows = model.Gates * model.Output;
        if (byName.TryGetValue("Bias", out EmbeddedTensor? bias))
        {
            return FindOverflowingSum(bias, 0, bias, rows, BiasSums.KerasSummedCount(model.Cell, model.ResetAfter, model.Output), $"'{bias.FileName}' row 0 + row 1");
        }

        return null;
    }

    private static string? FindOverflowingSum(EmbeddedTensor a, int aStart, EmbeddedTensor b, int bStart, int count, string what)
    {
        for (int i = 0; i < count; i++)
        {
            float sum = a.Values[aStart + i] + b.Values[bStart + i];
            if (!IsFinite(sum))
            {
                return $"{what} = {Text(sum)} at flat index {Invariant.Int(i)}: each is finite, but the layer adds them into one bias, whose sum overflows float";
            }
        }

        return null;
    }

    private static bool IsFinite(float value) => !float.IsNaN(value) && !float.IsInfinity(value);

    private static string Text(float value) => Invariant.Float(value).TrimEnd('f');
}
