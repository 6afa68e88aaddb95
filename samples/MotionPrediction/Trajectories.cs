using System;
using System.Numerics;

namespace MotionPrediction;

/// <summary>
/// Paths of a game target, drawn from the same process as <c>generate_paths</c> in training/train.py (the same
/// distribution, not the same numbers): legs of 20–60 ticks that each steer towards a new speed and turn rate,
/// a quarter of them straight, so the target cruises along arcs that blend into S-curves, plus now and then a
/// sudden hard turn. Units are world units and ticks.
/// </summary>
public sealed class Trajectories
{
    private const double MinSpeed = 1.0;
    private const double MaxSpeed = 6.0;
    private const double SpeedSlew = 0.05;
    private const double MaxTurn = 0.12;
    private const double TurnSlew = 0.01;
    private const double StraightChance = 0.25;
    private const int MinLegTicks = 20;
    private const int MaxLegTicks = 60;
    private const double SharpTurnChance = 0.01;
    private const double SharpTurnRate = 0.25;
    private const int MinSharpTurnTicks = 6;
    private const int MaxSharpTurnTicks = 12;

    /// <summary>Ticks simulated and dropped, so that every path starts mid-motion.</summary>
    private const int WarmupTicks = 40;

    private readonly Random random;

    public Trajectories(int seed) => random = new Random(seed);

    /// <summary>A new path of <paramref name="ticks"/> moves: <paramref name="ticks"/> + 1 positions.</summary>
    public Vector2[] Next(int ticks)
    {
        double heading = Uniform(-Math.PI, Math.PI);
        double speed = Uniform(MinSpeed, MaxSpeed);
        double targetSpeed = speed;
        double targetTurn = CruisingTurn();
        double turn = targetTurn;
        int legLeft = random.Next(MinLegTicks, MaxLegTicks + 1);
        double x = Uniform(-500, 500), y = Uniform(-500, 500);

        var positions = new Vector2[ticks + 1];
        for (int tick = -WarmupTicks; tick <= ticks; tick++)
        {
            if (tick > -WarmupTicks)
            {
                if (--legLeft <= 0)
                {
                    targetTurn = CruisingTurn();
                    targetSpeed = Uniform(MinSpeed, MaxSpeed);
                    legLeft = random.Next(MinLegTicks, MaxLegTicks + 1);
                }

                if (random.NextDouble() < SharpTurnChance)
                {
                    targetTurn = random.NextDouble() < 0.5 ? -SharpTurnRate : SharpTurnRate;
                    legLeft = random.Next(MinSharpTurnTicks, MaxSharpTurnTicks + 1);
                }

                // Turn rate and speed ease towards their targets, so the motion stays smooth.
                turn += Math.Clamp(targetTurn - turn, -TurnSlew, TurnSlew);
                speed += Math.Clamp(targetSpeed - speed, -SpeedSlew, SpeedSlew);
                heading += turn;
                x += speed * Math.Cos(heading);
                y += speed * Math.Sin(heading);
            }

            if (tick >= 0)
            {
                positions[tick] = new Vector2((float)x, (float)y);
            }
        }

        return positions;
    }

    private double CruisingTurn() => random.NextDouble() < StraightChance ? 0.0 : Uniform(-MaxTurn, MaxTurn);

    private double Uniform(double min, double max) => min + ((max - min) * random.NextDouble());
}
