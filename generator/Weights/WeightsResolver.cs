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
            using var stream = new MemoryStream(file.Bytes.AsSpan().ToArray(), writable: false);
            return file.Path.EndsWith(".npz", StringComparison.OrdinalIgnoreCase)
                ? FromKeras(request, plan, KerasNpzLayout.Read(stream, model.Input, model.Output, model.UseBias))
                : FromPyTorch(request, plan, PyTorchSafetensorsLayout.Read(stream, request.Prefix, model.Input, model.Output, model.UseBias));
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

    /// <summary>Checks the values in the order <c>LoadKerasNpz</c> does, then turns kernel and recurrent kernel into W and U.</summary>
    private static ResolveResult FromKeras(EmbeddedWeightsRequest request, KernelPlan plan, KerasLayerTensors keras)
    {
        ResolveResult? problem = CheckWeight(request, keras.Kernel) ?? CheckWeight(request, keras.RecurrentKernel) ?? CheckBias(request, plan.Model, keras.Bias);
        if (problem is not null)
        {
            return problem;
        }

        int input = plan.Model.Input, output = plan.Model.Output;
        return Success(plan, new EmbeddedWeights(
            request.Path,
            "Keras .npz",
            Transpose(keras.Kernel.Data, input, output).ToEquatableArray(),
            Transpose(keras.RecurrentKernel.Data, output, output).ToEquatableArray(),
            keras.Bias.Data.ToEquatableArray()));
    }

    /// <summary>Checks the values in the order <c>LoadPyTorchSafetensors</c> does, the biases' sum last, then adds the biases.</summary>
    private static ResolveResult FromPyTorch(EmbeddedWeightsRequest request, KernelPlan plan, PyTorchLayerTensors torch)
    {
        ResolveResult? problem = CheckWeight(request, torch.WeightIh)
            ?? CheckWeight(request, torch.WeightHh)
            ?? CheckBias(request, plan.Model, torch.BiasIh)
            ?? CheckBias(request, plan.Model, torch.BiasHh)
            ?? NotFinite(request, WeightValueChecks.SumNotFinite(torch.BiasIh, torch.BiasHh));
        if (problem is not null)
        {
            return problem;
        }

        // The same float sum the runtime's loaders compute.
        float[] bias = WeightValueChecks.Sum(torch.BiasIh, torch.BiasHh);
        return Success(plan, new EmbeddedWeights(
            request.Path,
            "PyTorch safetensors",
            torch.WeightIh.Data.ToEquatableArray(),
            torch.WeightHh.Data.ToEquatableArray(),
            bias.ToEquatableArray()));
    }

    private static ResolveResult? CheckWeight(EmbeddedWeightsRequest request, TensorData tensor) => NotFinite(request, WeightValueChecks.NotFinite(tensor));

    /// <summary>A bias must be finite, and zero when the layer is declared without bias, as at run time.</summary>
    private static ResolveResult? CheckBias(EmbeddedWeightsRequest request, SimpleRnnModel model, TensorData bias)
    {
        ResolveResult? notFinite = CheckWeight(request, bias);
        if (notFinite is not null || model.UseBias)
        {
            return notFinite;
        }

        string? notZero = WeightValueChecks.NotZero(bias);
        return notZero is null ? null : Fail(request, DiagnosticDescriptors.WeightsShapeMismatch, request.Path, model.Hierarchy.Self.Name, notZero);
    }

    private static ResolveResult? NotFinite(EmbeddedWeightsRequest request, string? problem)
        => problem is null ? null : Fail(request, DiagnosticDescriptors.WeightsNotFinite, request.Path, problem);

    private static ResolveResult Success(KernelPlan plan, EmbeddedWeights weights)
        => new(new GenerationInput(plan, weights), EquatableArray<DiagnosticInfo>.Empty);

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
