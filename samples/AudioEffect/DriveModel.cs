using RnnGen;

namespace AudioEffect;

/// <summary>
/// The trained recurrent layer: one audio sample in, 16 LSTM units, weights compiled in from drive.safetensors.
/// <see cref="OutputHead"/> turns the hidden state into the output sample. The sample streams with <c>Step</c>,
/// one call per audio sample, so <c>Timesteps</c> (which only sizes <c>Run</c>) is 1.
/// </summary>
[Lstm(Timesteps = 1, Input = 1, Output = 16, Weights = "drive.safetensors", WeightsPrefix = "lstm.")]
public partial class DriveModel
{
}
