namespace RnnGen.Benchmarks;

// One generated kernel per measured shape (T×I×O). Keep in sync with SHAPES in Onnx/make_models.py.

/// <summary>The main shape, the seed notebook's: 100 timesteps of 32 features into 64 units.</summary>
[SimpleRnn(Timesteps = 100, Input = 32, Output = 64)]
public sealed partial class Rnn100x32x64
{
}

/// <summary>Long sequence, tiny layer: per-step overhead dominates.</summary>
[SimpleRnn(Timesteps = 1000, Input = 8, Output = 16)]
public sealed partial class Rnn1000x8x16
{
}

/// <summary>Square layer of 128 units.</summary>
[SimpleRnn(Timesteps = 50, Input = 128, Output = 128)]
public sealed partial class Rnn50x128x128
{
}

/// <summary>Wide layer: U alone is 256 KiB, beyond L1.</summary>
[SimpleRnn(Timesteps = 20, Input = 64, Output = 256)]
public sealed partial class Rnn20x64x256
{
}

/// <summary>One timestep of the main layer (32 → 64), from an arbitrary state: Step and streaming use.</summary>
[SimpleRnn(Timesteps = 1, Input = 32, Output = 64)]
public sealed partial class Rnn1x32x64
{
}
