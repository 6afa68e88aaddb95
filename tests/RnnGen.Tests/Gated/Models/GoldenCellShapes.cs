namespace RnnGen.Tests.Gated.Models;

// One class per case of the gated golden vectors, named as the 'class' column of tests/data/golden/cells/cases.tsv.

[Gru(Timesteps = 100, Input = 32, Output = 64)]
public partial class Gru_main_100x32x64 { }

[Gru(Timesteps = 20, Input = 8, Output = 16)]
public partial class Gru_initial_state_20x8x16 { }

[Gru(Timesteps = 20, Input = 8, Output = 16, ResetAfter = false)]
public partial class Gru_reset_before_state_20x8x16 { }

[Gru(Timesteps = 13, Input = 3, Output = 5, UseBias = false, ResetAfter = false)]
public partial class Gru_reset_before_no_bias_13x3x5 { }

[Lstm(Timesteps = 100, Input = 32, Output = 64)]
public partial class Lstm_main_100x32x64 { }

[Lstm(Timesteps = 20, Input = 8, Output = 16)]
public partial class Lstm_initial_state_20x8x16 { }

[Lstm(Timesteps = 200, Input = 1, Output = 40)]
public partial class Lstm_audio_200x1x40 { }
