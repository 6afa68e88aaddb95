namespace RnnGen.Tests.Gated.Models;

// GRUs with the default activations (Tanh candidate, Sigmoid gates), ResetAfter and a bias: a single unit, a single
// input, outputs below, across and far beyond one vector, a single timestep and a long sequence.

[Gru(Timesteps = 1, Input = 1, Output = 1)]
public partial class Gru1x1x1 { }

[Gru(Timesteps = 20, Input = 1, Output = 7)]
public partial class Gru20x1x7 { }

[Gru(Timesteps = 13, Input = 3, Output = 7)]
public partial class Gru13x3x7 { }

[Gru(Timesteps = 7, Input = 9, Output = 33)]
public partial class Gru7x9x33 { }

[Gru(Timesteps = 100, Input = 32, Output = 64)]
public partial class Gru100x32x64 { }

[Gru(Timesteps = 1, Input = 32, Output = 64)]
public partial class Gru1x32x64 { }

[Gru(Timesteps = 10, Input = 5, Output = 65)]
public partial class Gru10x5x65 { }

[Gru(Timesteps = 5, Input = 16, Output = 256)]
public partial class Gru5x16x256 { }

[Gru(Timesteps = 1000, Input = 8, Output = 16)]
public partial class Gru1000x8x16 { }
