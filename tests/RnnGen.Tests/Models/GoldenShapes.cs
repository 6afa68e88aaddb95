namespace RnnGen.Tests.Models;

// One class per case of the golden vectors (tests/data/golden/cases.tsv), with its activation and bias.

[SimpleRnn(Timesteps = 100, Input = 32, Output = 64, Activation = RnnActivation.Tanh)]
public partial class GoldenMainTanh100x32x64 { }

[SimpleRnn(Timesteps = 50, Input = 16, Output = 32, Activation = RnnActivation.Relu)]
public partial class GoldenRelu50x16x32 { }

[SimpleRnn(Timesteps = 20, Input = 8, Output = 16, Activation = RnnActivation.Tanh)]
public partial class GoldenTanhInitialState20x8x16 { }

[SimpleRnn(Timesteps = 30, Input = 12, Output = 24, Activation = RnnActivation.Sigmoid, UseBias = false)]
public partial class GoldenSigmoidNoBias30x12x24 { }

[SimpleRnn(Timesteps = 13, Input = 3, Output = 5, Activation = RnnActivation.Linear)]
public partial class GoldenLinearOdd13x3x5 { }

[SimpleRnn(Timesteps = 1, Input = 32, Output = 64, Activation = RnnActivation.Tanh)]
public partial class GoldenTanhSingleStep1x32x64 { }
