using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.ML.OnnxRuntime;

namespace RnnGen.Benchmarks.Peers;

/// <summary>A float tensor over a managed array: its name in the model, the array and the shape it is read as.</summary>
public readonly record struct OrtTensor(string Name, float[] Data, long[] Shape);

/// <summary>
/// One embedded ONNX model (written by the scripts in Onnx/) in ONNX Runtime, set up the same way for every peer: one
/// intra-op and one inter-op thread, sequential execution, full graph optimisation. Inputs and outputs are OrtValues
/// over pinned managed arrays, bound once with IOBinding: a forward is a single RunWithBinding call that creates no
/// tensors.
/// </summary>
public sealed class OrtBoundModel : IDisposable
{
    private readonly SessionOptions options;
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly OrtIoBinding binding;
    private readonly List<OrtValue> values = [];

    /// <param name="name">The model's file name without ".onnx".</param>
    /// <param name="constants">
    /// Initializers of the model whose placeholder data is replaced by these arrays before the session is created, so
    /// that ONNX Runtime treats them as the constants they are in an exported model.
    /// </param>
    public OrtBoundModel(string name, params IReadOnlyList<OrtTensor> constants)
    {
        ArgumentNullException.ThrowIfNull(constants);
        options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        foreach (OrtTensor constant in constants)
        {
            options.AddInitializer(constant.Name, Track(constant));
        }

        session = new InferenceSession(ReadModel(name), options);
        binding = session.CreateIoBinding();
    }

    public void BindInput(OrtTensor input) => binding.BindInput(input.Name, Track(input));

    public void BindOutput(OrtTensor output) => binding.BindOutput(output.Name, Track(output));

    /// <summary>One forward: reads the bound inputs, writes the bound outputs.</summary>
    public void Run() => session.RunWithBinding(runOptions, binding);

    public void Dispose()
    {
        binding.Dispose();
        runOptions.Dispose();
        session.Dispose();
        options.Dispose();

        // Last: the session may use the constants' memory until it is gone.
        foreach (OrtValue value in values)
        {
            value.Dispose();
        }
    }

    private static byte[] ReadModel(string name)
    {
        string resource = "Onnx." + name + ".onnx";
        using Stream stream = typeof(OrtBoundModel).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No embedded ONNX model {resource}; run the scripts in Onnx/.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private OrtValue Track(OrtTensor tensor)
    {
        OrtValue value = OrtValue.CreateTensorValueFromMemory(tensor.Data, tensor.Shape);
        values.Add(value);
        return value;
    }
}
