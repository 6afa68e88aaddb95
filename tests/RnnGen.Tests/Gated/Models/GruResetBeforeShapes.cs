namespace RnnGen.Tests.Gated.Models;

// GRUs declared with ResetAfter = false (Keras reset_after=False): the reset gate multiplies h before the
// candidate's recurrent product, one bias per gate, and no PyTorch layout.

[Gru(Timesteps = 1, Input = 1, Output = 1, ResetAfter = false)]
public partial class GruResetBefore1x1x1 { }

[Gru(Timesteps = 13, Input = 3, Output = 7, ResetAfter = false)]
public partial class GruResetBefore13x3x7 { }

[Gru(Timesteps = 7, Input = 9, Output = 33, ResetAfter = false)]
public partial class GruResetBefore7x9x33 { }

[Gru(Timesteps = 10, Input = 5, Output = 65, ResetAfter = false)]
public partial class GruResetBefore10x5x65 { }

[Gru(Timesteps = 100, Input = 32, Output = 64, ResetAfter = false)]
public partial class GruResetBefore100x32x64 { }

[Gru(Timesteps = 1000, Input = 1, Output = 16, ResetAfter = false)]
public partial class GruResetBefore1000x1x16 { }

[Gru(Timesteps = 9, Input = 7, Output = 20, Activation = RnnActivation.Tanh, RecurrentActivation = RnnActivation.Tanh, ResetAfter = false)]
public partial class GruResetBeforeTanhTanh9x7x20 { }
