using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.ML.OnnxRuntime;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Peers;

/// <summary>
/// ONNX Runtime running the ONNX RNN operator (models written by Onnx/make_models.py). One intra-op and one
/// inter-op thread, sequential execution. Every input (X, and the weights, which the models take as inputs) and the
/// output Y are OrtValues over pinned managed arrays, bound once with IOBinding: a forward is a single
/// RunWithBinding call that creates no tensors.
/// </summary>
public sealed class OrtRnn : IDisposable
{
    private readonly SessionOptions options;
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly OrtIoBinding binding;
    private readonly List<OrtValue> values = [];

    /// <summary>Binds <paramref name="c"/>'s weights and inputs; with <paramref name="fromInitialState"/>, also its H0 as initial_h.</summary>
    public OrtRnn(RnnCase c, bool fromInitialState = false)
    {
        ArgumentNullException.ThrowIfNull(c);
        options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        session = new InferenceSession(ReadModel(c.Name + (fromInitialState ? "_h0" : "")), options);
        binding = session.CreateIoBinding();

        // ONNX RNN layouts: W [1, O, I] and R [1, O, O] are the seed's W and U as they are;
        // B [1, 2O] = [input bias, recurrent bias], here [b, 0].
        var bias = new float[2 * c.Output];
        c.B.CopyTo(bias, 0);
        Outputs = c.NewOutputs();
        Bind("X", c.X, c.Timesteps, 1, c.Input);
        Bind("W", c.W, 1, c.Output, c.Input);
        Bind("R", c.U, 1, c.Output, c.Output);
        Bind("B", bias, 1, 2 * c.Output);
        if (fromInitialState)
        {
            Bind("initial_h", c.H0, 1, 1, c.Output);
        }

        OrtValue y = Track(OrtValue.CreateTensorValueFromMemory(Outputs, [c.Timesteps, 1, 1, c.Output]));
        binding.BindOutput("Y", y);
    }

    /// <summary>Y of the last <see cref="Run"/>: T×O, row-major.</summary>
    public float[] Outputs { get; }

    /// <summary>One forward: reads the bound inputs, writes <see cref="Outputs"/>.</summary>
    public void Run() => session.RunWithBinding(runOptions, binding);

    public void Dispose()
    {
        binding.Dispose();
        foreach (OrtValue value in values)
        {
            value.Dispose();
        }

        runOptions.Dispose();
        session.Dispose();
        options.Dispose();
    }

    private static byte[] ReadModel(string shape)
    {
        string name = "Onnx.rnn_" + shape + ".onnx";
        using Stream stream = typeof(OrtRnn).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"No embedded ONNX model {name}; run Onnx/make_models.py.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private void Bind(string name, float[] data, params long[] shape) =>
        binding.BindInput(name, Track(OrtValue.CreateTensorValueFromMemory(data, shape)));

    private OrtValue Track(OrtValue value)
    {
        values.Add(value);
        return value;
    }
}
