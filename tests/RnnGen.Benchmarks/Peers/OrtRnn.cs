using System;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Peers;

/// <summary>
/// ONNX Runtime running the ONNX RNN operator (models written by Onnx/make_models.py), set up as
/// <see cref="OrtBoundModel"/> describes. The weights are bound as inputs, like X: ONNX Runtime's RNN kernel
/// pre-packs nothing, so they cost the same as constants would.
/// </summary>
public sealed class OrtRnn : IDisposable
{
    private readonly OrtBoundModel model;

    /// <summary>Binds <paramref name="c"/>'s weights and inputs; with <paramref name="fromInitialState"/>, also its H0 as initial_h.</summary>
    public OrtRnn(RnnCase c, bool fromInitialState = false)
    {
        ArgumentNullException.ThrowIfNull(c);
        model = new OrtBoundModel("rnn_" + c.Name + (fromInitialState ? "_h0" : ""));

        // ONNX RNN layouts: W [1, O, I] and R [1, O, O] are the seed's W and U as they are;
        // B [1, 2O] = [input bias, recurrent bias], here [b, 0].
        var bias = new float[2 * c.Output];
        c.B.CopyTo(bias, 0);
        Outputs = c.NewOutputs();
        model.BindInput(new("X", c.X, [c.Timesteps, 1, c.Input]));
        model.BindInput(new("W", c.W, [1, c.Output, c.Input]));
        model.BindInput(new("R", c.U, [1, c.Output, c.Output]));
        model.BindInput(new("B", bias, [1, 2 * c.Output]));
        if (fromInitialState)
        {
            model.BindInput(new("initial_h", c.H0, [1, 1, c.Output]));
        }

        model.BindOutput(new("Y", Outputs, [c.Timesteps, 1, 1, c.Output]));
    }

    /// <summary>Y of the last <see cref="Run"/>: T×O, row-major.</summary>
    public float[] Outputs { get; }

    /// <summary>One forward: reads the bound inputs, writes <see cref="Outputs"/>.</summary>
    public void Run() => model.Run();

    public void Dispose() => model.Dispose();
}
