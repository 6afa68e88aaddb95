namespace RnnGen.Tests.Gated.Models;

// Gated layers declared without a bias: the loads must accept only zero biases and export zeros.

[Gru(Timesteps = 13, Input = 3, Output = 7, UseBias = false)]
public partial class GruNoBias13x3x7 { }

[Gru(Timesteps = 9, Input = 7, Output = 20, UseBias = false, ResetAfter = false)]
public partial class GruResetBeforeNoBias9x7x20 { }

[Lstm(Timesteps = 13, Input = 3, Output = 7, UseBias = false)]
public partial class LstmNoBias13x3x7 { }

[Lstm(Timesteps = 3, Input = 1, Output = 1, Activation = RnnActivation.Linear, UseBias = false)]
public partial class LstmLinearNoBias3x1x1 { }
