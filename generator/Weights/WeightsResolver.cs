using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using RnnGen.Formats;
using RnnGen.Generator.Cells;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;
using RnnGen.Layout;

namespace RnnGen.Generator.Weights;

/// <summary>
/// Finds the file a layer's <c>Weights</c> names and reads its tensors with the runtime's own readers, checking
/// them as the runtime's loaders will (shapes, finite values, zero biases without UseBias, finite bias sums), or
/// says in a problem why they cannot be compiled in. The tensors are compiled in as the file holds them.
/// </summary>
internal static class WeightsResolver
{
    public static ResolveResult Resolve(KernelPlan plan, ImmutableArray<WeightsFile> files)
    {
        LayerModel model = plan.Model;
        string hintName = model.Hierarchy.HintName(Cell.For(model.Cell).AttributeName);
        WeightsRequest? request = model.Weights;
        if (request is null)
        {
            return new ResolveResult(hintName, plan, null, EquatableArray<WeightsProblem>.Empty);
        }

        string wanted = Normalize(request.Path);
        var matches = files.Where(f => Normalize(f.Path) == wanted || Normalize(f.Path).EndsWith("/" + wanted, StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        if (matches.Count == 0)
        {
            return Fail(hintName, plan, DiagnosticIds.WeightsFileNotFound, request.Path);
        }

        if (matches.Count > 1)
        {
            return Fail(hintName, plan, DiagnosticIds.WeightsFileAmbiguous, request.Path, string.Join(", ", matches.Select(m => m.Path)));
        }

        WeightsFile file = matches[0];
        if (file.ReadError is not null)
        {
            return Fail(hintName, plan, DiagnosticIds.WeightsFileUnreadable, request.Path, file.ReadError);
        }

        try
        {
            EmbeddedWeights weights = Read(request, file, model);
            return WeightsChecks.Find(model, weights) switch
            {
                null => new ResolveResult(hintName, plan, weights, EquatableArray<WeightsProblem>.Empty),
                (string id, string problem) when id == DiagnosticIds.WeightsNotFinite => Fail(hintName, plan, id, request.Path, problem),
                (string id, string problem) => Fail(hintName, plan, id, request.Path, model.Hierarchy.Self.Name, problem),
            };
        }
        catch (InvalidDataException exception)
        {
            return Fail(hintName, plan, DiagnosticIds.WeightsFileUnreadable, request.Path, exception.Message);
        }
        catch (ArgumentException exception) when (exception.Data.Contains(TensorSelection.MissingTensorKey))
        {
            return Fail(hintName, plan, DiagnosticIds.WeightsTensorMissing, request.Path, model.Hierarchy.Self.Name, exception.Message);
        }
        catch (ArgumentException exception)
        {
            return Fail(hintName, plan, DiagnosticIds.WeightsShapeMismatch, request.Path, model.Hierarchy.Self.Name, exception.Message);
        }
    }

    private static EmbeddedWeights Read(WeightsRequest request, WeightsFile file, LayerModel model)
    {
        using var stream = new MemoryStream(file.Bytes.AsSpan().ToArray(), writable: false);
        var shapes = new LayerShapes(model.Input, model.Output, model.Gates, model.Cell == CellKind.Gru && model.ResetAfter ? 2 : 1);
        if (WeightsFileReading.IsKerasFile(file.Path))
        {
            KerasLayerTensors keras = KerasNpzLayout.Read(stream, shapes, model.UseBias);
            return new EmbeddedWeights(request.Path, "Keras .npz", "LoadKerasWeights", Tensors(
                ("Kernel", keras.Kernel),
                ("RecurrentKernel", keras.RecurrentKernel),
                ("Bias", keras.Bias)));
        }

        PyTorchLayerTensors torch = PyTorchSafetensorsLayout.Read(stream, request.Prefix, shapes, model.UseBias);
        return new EmbeddedWeights(request.Path, "PyTorch safetensors", "LoadPyTorchWeights", Tensors(
            ("WeightIh", torch.WeightIh),
            ("WeightHh", torch.WeightHh),
            ("BiasIh", torch.BiasIh),
            ("BiasHh", torch.BiasHh)));
    }

    private static EquatableArray<EmbeddedTensor> Tensors(params (string Name, TensorData Tensor)[] tensors)
        => tensors.Select(t => new EmbeddedTensor(t.Name, t.Tensor.Name, string.Join("×", t.Tensor.Shape.Select(Invariant.Int)), t.Tensor.Data.ToEquatableArray())).ToEquatableArray();

    private static string Normalize(string path) => path.Replace('\\', '/');

    private static ResolveResult Fail(string hintName, KernelPlan plan, string id, params string[] arguments)
        => new(hintName, plan, null, new[] { new WeightsProblem(id, arguments.ToEquatableArray()) }.ToEquatableArray());
}
