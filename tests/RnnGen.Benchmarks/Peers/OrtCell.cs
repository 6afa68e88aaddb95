using System;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Peers;

/// <summary>
/// ONNX Runtime running the ONNX GRU (linear_before_reset=1, PyTorch's semantics) or LSTM operator (models written
/// by Onnx/make_cell_models.py), set up as <see cref="OrtBoundModel"/> describes. Unlike <see cref="OrtRnn"/>'s, the
/// weights are constant initializers rather than inputs: ONNX Runtime's GRU and LSTM kernels pre-pack W and R once
/// when they are constants, as in an exported model, and would otherwise repack them on every forward.
/// </summary>
public sealed class OrtCell : IDisposable
{
    private readonly OrtBoundModel model;

    public OrtCell(CellCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        model = new OrtBoundModel(c.Name, OnnxCellWeights.From(c));
        Outputs = c.NewOutputs();
        model.BindInput(new("X", c.X, [c.Timesteps, 1, c.Input]));
        model.BindOutput(new("Y", Outputs, [c.Timesteps, 1, 1, c.Output]));
    }

    /// <summary>Y of the last <see cref="Run"/>: T×O, row-major.</summary>
    public float[] Outputs { get; }

    /// <summary>One forward: reads X, writes <see cref="Outputs"/>.</summary>
    public void Run() => model.Run();

    public void Dispose() => model.Dispose();
}
