namespace RnnGen.Benchmarks;

// One generated GRU or LSTM kernel per measured case (T×I×O). Keep in sync with CASES in Onnx/make_cell_models.py.
// GRUs keep the default ResetAfter = true: PyTorch's and ONNX's (linear_before_reset=1) semantics.

/// <summary>The main shape as a GRU: 100 timesteps of 32 features into 64 units.</summary>
[Gru(Timesteps = 100, Input = 32, Output = 64)]
public sealed partial class Gru100x32x64
{
}

/// <summary>The main shape as an LSTM.</summary>
[Lstm(Timesteps = 100, Input = 32, Output = 64)]
public sealed partial class Lstm100x32x64
{
}

/// <summary>Audio: one sample per timestep into 16 units, run per sample with Step in a real-time loop.</summary>
[Gru(Timesteps = 2048, Input = 1, Output = 16)]
public sealed partial class Gru2048x1x16
{
}

/// <summary>Audio: one sample per timestep into 40 units.</summary>
[Lstm(Timesteps = 2048, Input = 1, Output = 40)]
public sealed partial class Lstm2048x1x40
{
}

/// <summary>Long sequence, tiny layer: per-step overhead dominates.</summary>
[Gru(Timesteps = 1000, Input = 8, Output = 16)]
public sealed partial class Gru1000x8x16
{
}

/// <summary>Square layer of 128 units: the four gates' U is 256 KiB, beyond L1.</summary>
[Lstm(Timesteps = 50, Input = 128, Output = 128)]
public sealed partial class Lstm50x128x128
{
}

/// <summary>Wide layer: the three gates' U is 768 KiB, beyond L2 on many CPUs.</summary>
[Gru(Timesteps = 20, Input = 64, Output = 256)]
public sealed partial class Gru20x64x256
{
}
