namespace Rectification.Domain.Reminders;

/// <summary>亮灯: green on track, yellow near its deadline, red overdue. Leaders read the lights first.</summary>
public enum TrafficLight { None, Green, Yellow, Red }

public static class TrafficLights
{
    public static TrafficLight For(DateOnly? due, DateOnly today, int yellowWithinDays, bool running) => due switch
    {
        _ when !running => TrafficLight.None,
        null => TrafficLight.Green,
        { } d when d < today => TrafficLight.Red,
        { } d when d <= today.AddDays(yellowWithinDays) => TrafficLight.Yellow,
        _ => TrafficLight.Green,
    };

    public static int DaysOverdue(DateOnly? due, DateOnly today, bool running) =>
        running && due is { } d && d < today ? today.DayNumber - d.DayNumber : 0;
}
