namespace RnnGen.Tests.Models;

// The declaration forms the generator has to re-open correctly. The generated part never repeats
// accessibility or 'sealed', so each form only has to compile and behave like any other class.

/// <summary>A containing type: the generator re-opens <c>Outer</c> around the kernel of <c>Inner</c>.</summary>
public partial class Outer
{
    [SimpleRnn(Timesteps = 4, Input = 5, Output = 6, Activation = RnnActivation.Relu)]
    public partial class Inner { }
}

/// <summary>A generic class: the kernel must not depend on <typeparamref name="T"/>.</summary>
[SimpleRnn(Timesteps = 6, Input = 4, Output = 17)]
public partial class GenericRnn<T> { }

[SimpleRnn(Timesteps = 8, Input = 6, Output = 9, Activation = RnnActivation.Sigmoid)]
internal sealed partial class InternalSealedRnn { }
