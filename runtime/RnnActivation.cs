namespace RnnGen;

/// <summary>An activation of a recurrent layer: the state activation of <see cref="SimpleRnnAttribute"/>, and the activations of <see cref="GruAttribute"/> and <see cref="LstmAttribute"/>.</summary>
public enum RnnActivation
{
    /// <summary>Hyperbolic tangent, the default of Keras <c>SimpleRNN</c>, <c>torch.nn.RNN</c> and ONNX <c>RNN</c>.</summary>
    Tanh = 0,

    /// <summary>Rectified linear unit: <c>max(x, 0)</c>.</summary>
    Relu = 1,

    /// <summary>Logistic sigmoid: <c>1 / (1 + exp(-x))</c>.</summary>
    Sigmoid = 2,

    /// <summary>Identity: the state is the affine map itself.</summary>
    Linear = 3,
}
