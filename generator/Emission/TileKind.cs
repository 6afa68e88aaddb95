namespace RnnGen.Generator.Emission;

/// <summary>Which kernel a tile belongs to: where its sums start and where its state lives.</summary>
internal enum TileKind
{
    /// <summary>The single-timestep kernel: sums start from the bias and take W·x and U·h; states are the caller's.</summary>
    Step,

    /// <summary>The blocked sequence kernel's recurrence: sums start from the stored input projection; states are stack rows.</summary>
    Recurrence,
}
