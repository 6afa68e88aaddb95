namespace RnnGen.Tests.Models;

// Layers declared without a bias: the loads must accept only zero biases and export zeros.

[SimpleRnn(Timesteps = 9, Input = 7, Output = 20, UseBias = false)]
public partial class Tanh9x7x20NoBias { }

[SimpleRnn(Timesteps = 13, Input = 3, Output = 5, Activation = RnnActivation.Relu, UseBias = false)]
public partial class Relu13x3x5NoBias { }

[SimpleRnn(Timesteps = 3, Input = 1, Output = 1, Activation = RnnActivation.Linear, UseBias = false)]
public partial class Linear3x1x1NoBias { }
