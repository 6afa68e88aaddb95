using RnnGen;

namespace NativeAot;

/// <summary>A small controller-sized layer: 50 timesteps of 16 sensor readings into 32 tanh units.</summary>
[SimpleRnn(Timesteps = 50, Input = 16, Output = 32)]
internal sealed partial class SensorModel
{
}
