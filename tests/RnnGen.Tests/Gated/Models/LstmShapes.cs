namespace RnnGen.Tests.Gated.Models;

// LSTMs with the default activations (Tanh cell input and output, Sigmoid gates) and a bias, on the shapes the
// GRUs use.

[Lstm(Timesteps = 1, Input = 1, Output = 1)]
public partial class Lstm1x1x1 { }

[Lstm(Timesteps = 20, Input = 1, Output = 7)]
public partial class Lstm20x1x7 { }

[Lstm(Timesteps = 13, Input = 3, Output = 7)]
public partial class Lstm13x3x7 { }

[Lstm(Timesteps = 7, Input = 9, Output = 33)]
public partial class Lstm7x9x33 { }

[Lstm(Timesteps = 100, Input = 32, Output = 64)]
public partial class Lstm100x32x64 { }

[Lstm(Timesteps = 1, Input = 32, Output = 64)]
public partial class Lstm1x32x64 { }

[Lstm(Timesteps = 10, Input = 5, Output = 65)]
public partial class Lstm10x5x65 { }

[Lstm(Timesteps = 5, Input = 16, Output = 256)]
public partial class Lstm5x16x256 { }

[Lstm(Timesteps = 1000, Input = 8, Output = 16)]
public partial class Lstm1000x8x16 { }
