using RnnGen;

namespace MotionPrediction;

/// <summary>
/// The trained layer: 16 ticks of (dx, dy) into 32 tanh units, weights compiled in from motion.safetensors.
/// Units 0 and 1 of the final state are the predicted next displacement (see <see cref="MotionEncoding"/>).
/// </summary>
[SimpleRnn(Timesteps = 16, Input = 2, Output = 32, Weights = "motion.safetensors", WeightsPrefix = "rnn.")]
public partial class MotionPredictor
{
}
