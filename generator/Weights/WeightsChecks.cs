using System.Collections.Generic;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Layout;

namespace RnnGen.Generator.Weights;

/// <summary>
/// The value checks the runtime's load methods make, in the same order, made at build time on the file's own
/// tensors and reported with the file's names and flat indices: every weight finite; biases zero without UseBias;
/// the biases the layer adds at load time (see <see cref="BiasSums"/>) finite as a sum. So a file that would fail to
/// load at run time fails to compile in.
/// </summary>
internal static class WeightsChecks
{
    /// <summary>The first problem, as a diagnostic id and the message's last argument, or null.</summary>
    public static (string Id, string Problem)? Find(LayerModel model, EmbeddedWeights weights)
    {
        foreach (EmbeddedTensor tensor in weights.Tensors)
        {
            System.ReadOnlySpan<float> values = tensor.Values.AsSpan();
            for (int i = 0; i < values.Length; i++)
            {
                if (!IsFinite(values[i]))
                {
                    return (DiagnosticIds.WeightsNotFinite, $"tensor '{tensor.FileName}' holds {Number(values[i])} at flat index {Invariant.Int(i)}");
                }
            }

            if (IsBias(tensor) && !model.UseBias)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    if (values[i] != 0f)
                    {
                        return (DiagnosticIds.WeightsShapeMismatch, $"tensor '{tensor.FileName}' holds {Number(values[i])} at flat index {Invariant.Int(i)}, but the layer is declared with UseBias = false, so every bias must be zero.");
                    }
                }
            }
        }

        string? sum = FindOverflowingSum(model, weights);
        return sum is null ? null : (DiagnosticIds.WeightsNotFinite, sum);
    }

    private static bool IsBias(EmbeddedTensor tensor) => tensor.Name.StartsWith("Bias", System.StringComparison.Ordinal);

    private static string? FindOverflowingSum(LayerModel model, EmbeddedWeights weights)
    {
        var byName = new Dictionary<string, EmbeddedTensor>();
        foreach (EmbeddedTensor tensor in weights.Tensors)
        {
            byName[tensor.Name] = tensor;
        }

        if (byName.TryGetValue("BiasIh", out EmbeddedTensor? ih) && byName.TryGetValue("BiasHh", out EmbeddedTensor? hh))
        {
            return FindOverflowingSum(ih, 0, hh, 0, BiasSums.PyTorchSummedCount(model.Cell, model.Output), $"tensors '{ih.FileName}' + '{hh.FileName}'");
        }

        if (byName.TryGetValue("Bias", out EmbeddedTensor? bias))
        {
            int rows = model.Gates * model.Output;
            return FindOverflowingSum(bias, 0, bias, rows, BiasSums.KerasSummedCount(model.Cell, model.ResetAfter, model.Output), $"tensor '{bias.FileName}' row 0 + row 1");
        }

        return null;
    }

    private static string? FindOverflowingSum(EmbeddedTensor a, int aStart, EmbeddedTensor b, int bStart, int count, string what)
    {
        for (int i = 0; i < count; i++)
        {
            float x = a.Values[aStart + i], y = b.Values[bStart + i], sum = x + y;
            if (!IsFinite(sum))
            {
                return $"{what} = {Number(sum)} at flat index {Invariant.Int(i)} ({Number(x)} + {Number(y)}): each is finite, but their sum overflows float, and the layer's bias is that sum";
            }
        }

        return null;
    }

    // float.IsFinite is missing from netstandard2.0.
    private static bool IsFinite(float value) => !float.IsNaN(value) && !float.IsInfinity(value);

    private static string Number(float value) => Invariant.Float(value).TrimEnd('f');
}
