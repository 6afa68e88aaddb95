namespace RnnGen.Tests.Stack.Models;

// The largest layer of each cell the generator accepts (RNN0007: the recurrent weights may hold 2^26 floats), two
// timesteps long. They need the most stack of any shape, so the stack tests run them.

[SimpleRnn(Timesteps = 2, Input = 1, Output = 8192)]
public partial class SimpleRnnLargest { }

[Gru(Timesteps = 2, Input = 1, Output = 4720)]
public partial class GruLargest { }

[Gru(Timesteps = 2, Input = 1, Output = 4720, ResetAfter = false)]
public partial class GruResetBeforeLargest { }

[Lstm(Timesteps = 2, Input = 1, Output = 4096)]
public partial class LstmLargest { }

[Gru(Timesteps = 100, Input = 32, Output = 64)]
public partial class GruMainStackCase { }

[Lstm(Timesteps = 50, Input = 128, Output = 128)]
public partial class LstmSquareStackCase { }
