using Rectification.Domain.Lifecycles;

namespace Rectification.Domain.Clues;

public static class SheetColours
{
    /// <returns>The colour as a sheet's name says it (红色/red), or empty texts for no colour.</returns>
    public static LocalizedText Label(SheetColour? colour) => colour switch
    {
        SheetColour.Red => new("红色", "red"),
        SheetColour.Yellow => new("黄色", "yellow"),
        SheetColour.Blue => new("蓝色", "blue"),
        _ => new("", ""),
    };
}
