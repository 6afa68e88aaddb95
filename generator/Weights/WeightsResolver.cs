using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RnnGen.Formats;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Weights;

/// <summary>
/// Finds the file a <c>[SimpleRnn(Weights = ...)]</c> names, reads it with the runtime's own readers, and turns
/// it into seed-layout weights, or into the diagnostic that says why it cannot be compiled in.
/// </summary>
internal static class WeightsResolver
{
    public static ResolveResult Resolve(KernelPlan plan, ImmutableArray<WeightsFile> files)
    {
        EmbeddedWeightsRequest? request = plan.Model.Weights;
        if (request is null)
        {
            return new ResolveResult(new GenerationInput(plan, null), EquatableArray<DiagnosticInfo>.Empty);
        }

        string wanted = Normalize(request.Path);
        var matches = files.Where(f => Normalize(f.Path) == wanted || Normalize(f.Path).EndsWith("/" + wanted, StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        if (matches.Count == 0)
        {
            return Fail(request, DiagnosticDescriptors.WeightsFileNotFound, request.Path);
        }

        if (matches.Count > 1)
        {
            return Fail(request, DiagnosticDescriptors.WeightsFileAmbiguous, request.Path, string.Join(", ", matches.Select(m => m.Path)));
        }

        WeightsFile file = matches[0];
        if (file.ReadError is not null)
        {
            return Fail(request, DiagnosticDescriptors.WeightsFileUnreadable, request.Path, file.ReadError);
        }

        SimpleRnnModel model = plan.Model;
        try
        {
            EmbeddedWeights weights = Read(request, file, model);
            DiagnosticInfo? notFinite = CheckFinite(request, weights);
            return notFinite is null
                ? new ResolveResult(new GenerationInput(plan, weights), EquatableArray<DiagnosticInfo>.Empty)
                : new ResolveResult(null, new[] { notFinite }.ToEquatableArray());
        }
        catch (InvalidDataException exception)
        {
            return Fail(request, DiagnosticDescriptors.WeightsFileUnreadable, request.Path, exception.Message);
        }
        catch (ArgumentException exception) when (exception.Data.Contains(TensorSelection.MissingTensorKey))
        {
            return Fail(request, DiagnosticDescriptors.WeightsTensorMissing, request.Path, model.Hierarchy.Self.Name, exception.Message);
        }
        catch (ArgumentException exception)
        {
            return Fail(request, DiagnosticDescriptors.WeightsShapeMismatch, request.Path, model.Hierarchy.Self.Name, exception.Message);
        }
    }

    private static EmbeddedWeights Read(EmbeddedWeightsRequest request, WeightsFile file, SimpleRnnModel model)
    {
        using var stream = new MemoryStream(file.Bytes.AsSpan().ToArray(), writable: false);
        int input = model.Input, output = model.Output;
        if (file.Path.EndsWith(".npz", StringComparison.OrdinalIgnoreCase))
        {
            KerasLayerTensors keras = KerasNpzLayout.Read(stream, input, output, model.UseBias);
            CheckBias(keras.Bias, model);
            return new EmbeddedWeights(
                request.Path,
                "Keras .npz",
                Transpose(keras.Kernel.Data, input, output).ToEquatableArray(),
                Transpose(keras.RecurrentKernel.Data, output, output).ToEquatableArray(),
                keras.Bias.Data.ToEquatableArray());
        }

        PyTorchLayerTensors torch = PyTorchSafetensorsLayout.Read(stream, request.Prefix, input, output, model.UseBias);
        CheckBias(torch.BiasIh, model);
        CheckBias(torch.BiasHh, model);
        var bias = new float[output];
        for (int o = 0; o < output; o++)
        {
            // The same float sum the runtime's LoadPyTorchWeights computes.
            bias[o] = torch.BiasIh.Data[o] + torch.BiasHh.Data[o];
        }

        return new EmbeddedWeights(request.Path, "PyTorch safetensors", torch.WeightIh.Data.ToEquatableArray(), torch.WeightHh.Data.ToEquatableArray(), bias.ToEquatableArray());
    }

    /// <summary>A layer declared without bias may only be given a zero bias, as at run time.</summary>
    private static void CheckBias(TensorData bias, SimpleRnnModel model)
    {
        int index = model.UseBias ? -1 : Array.FindIndex(bias.Data, value => value != 0f);
        if (index >= 0)
        {
            throw new ArgumentException($"tensor '{bias.Name}' holds {Invariant.Float(bias.Data[index]).TrimEnd('f')} at flat index {Invariant.Int(index)}, but the layer is declared with UseBias = false, so every bias must be zero.");
        }
    }

    private static DiagnosticInfo? CheckFinite(EmbeddedWeightsRequest request, EmbeddedWeights weights)
    {
        foreach ((string name, EquatableArray<float> values) in new[] { ("W", weights.W), ("U", weights.U), ("b", weights.B) })
        {
            ReadOnlySpan<float> span = values.AsSpan();
            for (int i = 0; i < span.Length; i++)
            {
                if (float.IsNaN(span[i]) || float.IsInfinity(span[i]))
                {
                    return Diagnostic(request, DiagnosticDescriptors.WeightsNotFinite, request.Path, name, Invariant.Float(span[i]).TrimEnd('f'), Invariant.Int(i));
                }
            }
        }

        return null;
    }

    private static float[] Transpose(float[] source, int rows, int cols)
    {
        var result = new float[source.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                result[(c * rows) + r] = source[(r * cols) + c];
            }
        }

        return result;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');

    private static ResolveResult Fail(EmbeddedWeightsRequest request, DiagnosticDescriptor descriptor, params string[] arguments)
        => new(null, new[] { Diagnostic(request, descriptor, arguments) }.ToEquatableArray());

    private static DiagnosticInfo Diagnostic(EmbeddedWeightsRequest request, DiagnosticDescriptor descriptor, params string[] arguments)
        => new(descriptor.Id, request.Location, arguments.ToEquatableArray());
}
