namespace RnnGen.Tests.Gated.Models;

// LSTMs with other activation pairs (cell input and output, then gates), on two shapes whose output size is not
// a multiple of any vector width. The sequences are short: with unbounded gates the cell state may grow.

[Lstm(Timesteps = 13, Input = 3, Output = 7, Activation = RnnActivation.Relu, RecurrentActivation = RnnActivation.Sigmoid)]
public partial class LstmReluSigmoid13x3x7 { }

[Lstm(Timesteps = 9, Input = 7, Output = 20, Activation = RnnActivation.Linear, RecurrentActivation = RnnActivation.Tanh)]
public partial class LstmLinearTanh9x7x20 { }

[Lstm(Timesteps = 13, Input = 3, Output = 7, Activation = RnnActivation.Tanh, RecurrentActivation = RnnActivation.Linear)]
public partial class LstmTanhLinear13x3x7 { }

[Lstm(Timesteps = 9, Input = 7, Output = 20, Activation = RnnActivation.Sigmoid, RecurrentActivation = RnnActivation.Relu)]
public partial class LstmSigmoidRelu9x7x20 { }

[Lstm(Timesteps = 13, Input = 3, Output = 7, Activation = RnnActivation.Relu, RecurrentActivation = RnnActivation.Tanh)]
public partial class LstmReluTanh13x3x7 { }

[Lstm(Timesteps = 9, Input = 7, Output = 20, Activation = RnnActivation.Linear, RecurrentActivation = RnnActivation.Linear)]
public partial class LstmLinearLinear9x7x20 { }

[Lstm(Timesteps = 13, Input = 3, Output = 7, Activation = RnnActivation.Sigmoid, RecurrentActivation = RnnActivation.Sigmoid)]
public partial class LstmSigmoidSigmoid13x3x7 { }

[Lstm(Timesteps = 9, Input = 7, Output = 20, Activation = RnnActivation.Tanh, RecurrentActivation = RnnActivation.Relu)]
public partial class LstmTanhRelu9x7x20 { }
