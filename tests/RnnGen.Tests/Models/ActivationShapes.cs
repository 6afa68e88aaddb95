namespace RnnGen.Tests.Models;

// Every activation on two shapes whose output size is not a multiple of any vector width.

[SimpleRnn(Timesteps = 13, Input = 3, Output = 5, Activation = RnnActivation.Tanh)]
public partial class Tanh13x3x5 { }

[SimpleRnn(Timesteps = 13, Input = 3, Output = 5, Activation = RnnActivation.Relu)]
public partial class Relu13x3x5 { }

[SimpleRnn(Timesteps = 13, Input = 3, Output = 5, Activation = RnnActivation.Sigmoid)]
public partial class Sigmoid13x3x5 { }

[SimpleRnn(Timesteps = 13, Input = 3, Output = 5, Activation = RnnActivation.Linear)]
public partial class Linear13x3x5 { }

[SimpleRnn(Timesteps = 9, Input = 7, Output = 20, Activation = RnnActivation.Tanh)]
public partial class Tanh9x7x20 { }

[SimpleRnn(Timesteps = 9, Input = 7, Output = 20, Activation = RnnActivation.Relu)]
public partial class Relu9x7x20 { }

[SimpleRnn(Timesteps = 9, Input = 7, Output = 20, Activation = RnnActivation.Sigmoid)]
public partial class Sigmoid9x7x20 { }

[SimpleRnn(Timesteps = 9, Input = 7, Output = 20, Activation = RnnActivation.Linear)]
public partial class Linear9x7x20 { }
