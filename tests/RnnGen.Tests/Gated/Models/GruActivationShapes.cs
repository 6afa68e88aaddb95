namespace RnnGen.Tests.Gated.Models;

// GRUs with other activation pairs (candidate, then gates), on two shapes whose output size is not a multiple
// of any vector width. The sequences are short: with unbounded gates the state may grow.

[Gru(Timesteps = 13, Input = 3, Output = 7, Activation = RnnActivation.Relu, RecurrentActivation = RnnActivation.Sigmoid)]
public partial class GruReluSigmoid13x3x7 { }

[Gru(Timesteps = 9, Input = 7, Output = 20, Activation = RnnActivation.Linear, RecurrentActivation = RnnActivation.Tanh)]
public partial class GruLinearTanh9x7x20 { }

[Gru(Timesteps = 13, Input = 3, Output = 7, Activation = RnnActivation.Tanh, RecurrentActivation = RnnActivation.Linear)]
public partial class GruTanhLinear13x3x7 { }

[Gru(Timesteps = 9, Input = 7, Output = 20, Activation = RnnActivation.Sigmoid, RecurrentActivation = RnnActivation.Relu)]
public partial class GruSigmoidRelu9x7x20 { }

[Gru(Timesteps = 13, Input = 3, Output = 7, Activation = RnnActivation.Relu, RecurrentActivation = RnnActivation.Tanh)]
public partial class GruReluTanh13x3x7 { }

[Gru(Timesteps = 9, Input = 7, Output = 20, Activation = RnnActivation.Linear, RecurrentActivation = RnnActivation.Linear)]
public partial class GruLinearLinear9x7x20 { }

[Gru(Timesteps = 13, Input = 3, Output = 7, Activation = RnnActivation.Sigmoid, RecurrentActivation = RnnActivation.Sigmoid)]
public partial class GruSigmoidSigmoid13x3x7 { }

[Gru(Timesteps = 9, Input = 7, Output = 20, Activation = RnnActivation.Relu, RecurrentActivation = RnnActivation.Relu)]
public partial class GruReluRelu9x7x20 { }
