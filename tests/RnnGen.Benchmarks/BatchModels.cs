namespace RnnGen.Benchmarks;

// One generated kernel per batched case (one timestep, I → O), each run over many sequences at once with StepBatch.
// Keep in sync with CASES in Onnx/make_batch_models.py. GRUs keep the default ResetAfter = true, as in CellModels.cs.

/// <summary>A small agent's layer, 8 features into 16 units, one frame per call.</summary>
[SimpleRnn(Timesteps = 1, Input = 8, Output = 16)]
public sealed partial class Rnn1x8x16
{
}

/// <summary>The audio GRU's layer (one sample into 16 units), one sample of every voice per call.</summary>
[Gru(Timesteps = 1, Input = 1, Output = 16)]
public sealed partial class Gru1x1x16
{
}

/// <summary>The audio LSTM's layer (one sample into 40 units), one sample of every voice per call.</summary>
[Lstm(Timesteps = 1, Input = 1, Output = 40)]
public sealed partial class Lstm1x1x40
{
}

/// <summary>The main layer as a GRU (32 features into 64 units), one frame per call.</summary>
[Gru(Timesteps = 1, Input = 32, Output = 64)]
public sealed partial class Gru1x32x64
{
}
