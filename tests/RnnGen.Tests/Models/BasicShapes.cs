namespace RnnGen.Tests.Models;

// Shapes chosen to hit the kernel planner's edge cases with the default activation (Tanh) and a bias:
// a single unit, outputs below one vector, odd tails, wide inputs, a wide state and a long sequence.

[SimpleRnn(Timesteps = 1, Input = 1, Output = 1)]
public partial class Tanh1x1x1 { }

[SimpleRnn(Timesteps = 1, Input = 3, Output = 5)]
public partial class Tanh1x3x5 { }

[SimpleRnn(Timesteps = 7, Input = 9, Output = 33)]
public partial class Tanh7x9x33 { }

[SimpleRnn(Timesteps = 100, Input = 32, Output = 64)]
public partial class Tanh100x32x64 { }

[SimpleRnn(Timesteps = 10, Input = 130, Output = 100)]
public partial class Tanh10x130x100 { }

[SimpleRnn(Timesteps = 5, Input = 64, Output = 256)]
public partial class Tanh5x64x256 { }

[SimpleRnn(Timesteps = 1000, Input = 8, Output = 16)]
public partial class Tanh1000x8x16 { }
