namespace ImagePipeline.Engine;

/// <summary>"Did you mean …?" hints for mistyped names, by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>Returns <c> Did you mean a, b?</c> (with a leading space) or an empty string when nothing is close.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates, string prefix = "")
    {
        var limit = Math.Max(2, input.Length / 3);
        var nearest = candidates
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(candidate => (Candidate: candidate, Distance: Distance(input, candidate)))
            .Where(pair => pair.Distance <= limit)
            .OrderBy(pair => pair.Distance)
            .ThenBy(pair => pair.Candidate, StringComparer.Ordinal)
            .Take(3)
            .Select(pair => prefix + pair.Candidate)
            .ToList();
        return nearest.Count == 0 ? string.Empty : $" Did you mean {string.Join(", ", nearest)}?";
    }

    /// <summary>Case-insensitive Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
