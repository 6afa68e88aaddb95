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

[Gru(Timesteps = 20, Input = 5, Output = 33, ResetAfter = false)]
public partial class Gru_reset_before_odd_20x5x33 { }

[Gru(Timesteps = 15, Input = 4, Output = 7, Activation = RnnActivation.Relu, ResetAfter = false)]
public partial class Gru_reset_before_relu_15x4x7 { }

[Gru(Timesteps = 12, Input = 3, Output = 65)]
public partial class Gru_initial_state_12x3x65 { }

[Lstm(Timesteps = 50, Input = 2, Output = 1)]
public partial class Lstm_single_unit_50x2x1 { }

[Lstm(Timesteps = 30, Input = 7, Output = 33)]
public partial class Lstm_initial_state_30x7x33 { }

[Lstm(Timesteps = 25, Input = 6, Output = 12, Activation = RnnActivation.Relu)]
public partial class Lstm_relu_25x6x12 { }

[Gru(Timesteps = 1, Input = 16, Output = 32)]
public partial class Gru_single_step_1x16x32 { }

[Lstm(Timesteps = 1, Input = 16, Output = 32)]
public partial class Lstm_single_step_1x16x32 { }

[Gru(Timesteps = 1000, Input = 8, Output = 16)]
public partial class Gru_long_1000x8x16 { }

[Lstm(Timesteps = 1000, Input = 2, Output = 16)]
public partial class Lstm_long_1000x2x16 { }
