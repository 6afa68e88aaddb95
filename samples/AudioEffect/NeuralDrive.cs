using System;

namespace AudioEffect;

/// <summary>
/// The learned effect, one sample at a time: one LSTM <c>Step</c> and the output head per sample, with the hidden
/// and cell state carried from each sample to the next, as training ran it. Allocates nothing per sample. One
/// instance per audio channel; not thread-safe.
/// </summary>
public sealed class NeuralDrive
{
    private readonly DriveModel model;
    private readonly float[] hidden = new float[DriveModel.OutputSize];
    private readonly float[] cell = new float[DriveModel.OutputSize];

    public NeuralDrive(DriveModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
    }

    public float Process(float sample)
    {
        model.Step(new ReadOnlySpan<float>(in sample), hidden, cell);
        return OutputHead.Apply(hidden, sample);
    }

    /// <summary>Back to silence: zero states, as at the start of training's clips.</summary>
    public void Reset()
    {
        Array.Clear(hidden);
        Array.Clear(cell);
    }
}
