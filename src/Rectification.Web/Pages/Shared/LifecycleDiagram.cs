using System.Globalization;
using System.Net;
using System.Text;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;

namespace Rectification.Web.Pages.Shared;

/// <summary>
/// A lifecycle drawn as inline SVG on the server: the states in one column in the order they are reached from the initial
/// state, a transition to the next state straight down, a longer step forward as an arc on the left, a step back as an arc on
/// the right, and an action that keeps the state as a loop. The words take the page's font, which has the Chinese glyphs. Drawn here rather than by a script so that the page needs no
/// library that writes inline styles (the page policy has no 'unsafe-inline') and reads the same with scripts off.
/// </summary>
public static class LifecycleDiagram
{
    private const int Width = 680;
    private const int NodeWidth = 200;
    private const int NodeHeight = 48;
    private const int RowGap = 56;
    private const int Top = 16;
    private const int ArcStep = 26;
    private const double FontSize = 12;
    private static readonly int Left = (Width - NodeWidth) / 2;
    private static readonly int Right = Left + NodeWidth;
    private static readonly int Middle = Width / 2;

    /// <param name="counts">Cases in each state, shown in the state's box; null to leave the counts out.</param>
    public static string Svg(LifecycleDefinition definition, string title, IReadOnlyDictionary<string, int>? counts)
    {
        var order = StateOrder(definition);
        var row = order.Select((state, i) => (state, i)).ToDictionary(x => x.state, x => x.i, StringComparer.Ordinal);
        var height = Top * 2 + order.Count * NodeHeight + (order.Count - 1) * RowGap;
        var id = "lc-" + definition.Name;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" role="img" aria-labelledby="{id}-title" data-testid="diagram-{Escape(definition.Name)}" font-size="{FontSize}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-title">{Escape(title)}</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<defs><marker id="{id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#495057"/></marker></defs>""");

        // Transitions with the same ends are one arrow with all their actions, as a reader asks "how do I get from A to B".
        var edges = definition.Transitions
            .Where(t => row.ContainsKey(t.From) && row.ContainsKey(t.To))
            .GroupBy(t => (t.From, t.To))
            .Select(g => (g.Key.From, g.Key.To, Label: string.Join(" / ", g.Select(t => UiText.L(Glossary.Trigger(t.Trigger))).Distinct())))
            .ToList();
        var leftArcs = 0;
        var rightArcs = 0;
        foreach (var (from, to, label) in edges.OrderBy(e => Math.Abs(row[e.To] - row[e.From])))
        {
            var a = row[from];
            var b = row[to];
            if (a == b)
            {
                var y = NodeTop(a) + NodeHeight / 2;
                svg.Append(CultureInfo.InvariantCulture, $"""<path d="M{Right},{y - 12} C{Right + 34},{y - 22} {Right + 34},{y + 22} {Right},{y + 12}" fill="none" stroke="#495057" marker-end="url(#{id}-arrow)"/>""");
                Label(svg, Right + 38, y, label, "start");
            }
            else if (b == a + 1)
            {
                var y1 = NodeTop(a) + NodeHeight;
                var y2 = NodeTop(b);
                svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Middle}" y1="{y1}" x2="{Middle}" y2="{y2 - 1}" stroke="#495057" marker-end="url(#{id}-arrow)"/>""");
                Label(svg, Middle + 8, (y1 + y2) / 2, label, "start");
            }
            else
            {
                var forward = b > a;
                var bulge = (forward ? ++leftArcs : ++rightArcs) * ArcStep + 16;
                var x = forward ? Left : Right;
                var dx = forward ? -bulge : bulge;
                var y1 = NodeTop(a) + NodeHeight / 2 + (forward ? 8 : -8);
                var y2 = NodeTop(b) + NodeHeight / 2 + (forward ? -8 : 8);
                svg.Append(CultureInfo.InvariantCulture, $"""<path d="M{x},{y1} C{x + dx * 1.35:F0},{y1} {x + dx * 1.35:F0},{y2} {x},{y2}" fill="none" stroke="#495057" stroke-dasharray="{(forward ? "none" : "5 3")}" marker-end="url(#{id}-arrow)"/>""");
                // In the gap next to where the arc starts: at the arc's middle the label could meet a loop's label.
                var gap = forward ? a : a - 1;
                Label(svg, x + dx + (forward ? -4 : 4), NodeTop(gap) + NodeHeight + RowGap / 2, label, forward ? "end" : "start");
            }
        }

        foreach (var state in order)
        {
            var y = NodeTop(row[state]);
            var initial = state == definition.Initial;
            var final = Ends(definition, state, row);
            svg.Append(CultureInfo.InvariantCulture, $"""<g data-state="{Escape(state)}"><rect x="{Left}" y="{y}" width="{NodeWidth}" height="{NodeHeight}" rx="8" fill="{(final ? "#d1e7dd" : "#e7f1ff")}" stroke="{(final ? "#0f5132" : "#084298")}" stroke-width="{(initial ? 3 : 1.5)}"/>""");
            var name = UiText.L(definition.States[state]);
            if (counts is null)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Middle}" y="{y + NodeHeight / 2 + 5}" text-anchor="middle" font-size="14" font-weight="600" fill="#212529">{Escape(name)}</text>""");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Middle}" y="{y + 21}" text-anchor="middle" font-size="14" font-weight="600" fill="#212529">{Escape(name)}</text>""");
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Middle}" y="{y + 39}" text-anchor="middle" fill="#212529" data-testid="count">{Escape(UiText.T("lc-count", counts.GetValueOrDefault(state)))}</text>""");
            }

            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The states in the order a case meets them: by the fewest steps from the initial state, then as the file lists them.</summary>
    public static IReadOnlyList<string> StateOrder(LifecycleDefinition definition)
    {
        var declared = definition.States.Keys.ToList();
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [definition.Initial] = 0 };
        var queue = new Queue<string>([definition.Initial]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var next in definition.Transitions.Where(t => t.From == state).Select(t => t.To))
            {
                if (distance.TryAdd(next, distance[state] + 1))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return [.. declared.OrderBy(s => distance.GetValueOrDefault(s, int.MaxValue)).ThenBy(declared.IndexOf)];
    }

    /// <summary>
    /// Where a case ends: no way from here leads further down the column. A reopening leads back up and still ends here; a return
    /// leads back to a state from which the case goes on.
    /// </summary>
    private static bool Ends(LifecycleDefinition definition, string state, IReadOnlyDictionary<string, int> row)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { state };
        var queue = new Queue<string>([state]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in definition.Transitions.Where(t => t.From == current).Select(t => t.To))
            {
                if (row.TryGetValue(next, out var r) && r > row[state])
                {
                    return false;
                }

                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return true;
    }

    private static int NodeTop(int row) => Top + row * (NodeHeight + RowGap);

    private static void Label(StringBuilder svg, double x, double y, string text, string anchor)
    {
        // A white box under the words keeps them readable where they cross a line; its width is estimated, one em per CJK character.
        var width = text.Sum(c => c > 0x2E80 ? FontSize : FontSize * 0.58) + 6;
        var boxX = anchor switch { "end" => x - width + 3, "middle" => x - width / 2, _ => x - 3 };
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{boxX:F0}" y="{y - 10:F0}" width="{width:F0}" height="17" fill="#ffffff" opacity="0.9"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x:F0}" y="{y + 4:F0}" text-anchor="{anchor}" fill="#212529">{Escape(text)}</text>""");
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
