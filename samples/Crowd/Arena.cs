namespace Crowd;

/// <summary>The world the agents live in: a square plane in metres, the frame rate and the agents' limits.</summary>
public static class Arena
{
    /// <summary>The arena runs from -100 m to 100 m on both axes; its edges are walls.</summary>
    public const float HalfSize = 100f;

    /// <summary>60 frames per second.</summary>
    public const float FrameSeconds = 1f / 60f;

    /// <summary>A brisk run, in m/s.</summary>
    public const float MaxSpeed = 8f;

    /// <summary>In m/s²: about a third of a second from standing to full speed.</summary>
    public const float MaxAcceleration = 24f;

    /// <summary>Neighbours farther away than this, in metres, are not seen.</summary>
    public const float SensingRadius = 10f;

    /// <summary>Within this distance of its target, in metres, an agent is asked to slow down as it arrives.</summary>
    public const float ArrivalRadius = 10f;

    /// <summary>An agent this close to its target, in metres, has reached it and is given a new one.</summary>
    public const float TargetReachedDistance = 2f;
}
