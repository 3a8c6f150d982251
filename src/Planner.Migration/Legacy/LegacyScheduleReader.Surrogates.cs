using System.Globalization;
using System.Text;

namespace Planner.Migration.Legacy;

internal sealed partial class LegacyScheduleReader
{
    /// <summary>Replaces <c>\uXXXX</c> escapes of unpaired surrogates by <c>\ufffd</c>; returns the text itself when there are none.</summary>
    internal static string ReplaceLoneSurrogateEscapes(string text)
    {
        var first = text.IndexOf("\\u", StringComparison.Ordinal);
        if (first < 0)
        {
            return text;
        }

        StringBuilder? builder = null;
        var copied = 0;
        var pendingHigh = -1; // index of a high-surrogate escape waiting for its low half
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                if (pendingHigh >= 0)
                {
                    Replace(pendingHigh);
                    pendingHigh = -1;
                }

                continue;
            }

            if (text[i + 1] != 'u' || i + 5 >= text.Length || !int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
            {
                if (pendingHigh >= 0)
                {
                    Replace(pendingHigh);
                    pendingHigh = -1;
                }

                i++; // an escape such as \\ or \": skip its second character
                continue;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (pendingHigh >= 0)
                {
                    Replace(pendingHigh);
                }

                pendingHigh = i;
            }
            else if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                if (pendingHigh >= 0 && pendingHigh == i - 6)
                {
                    pendingHigh = -1; // a proper pair
                }
                else
                {
                    if (pendingHigh >= 0)
                    {
                        Replace(pendingHigh);
                        pendingHigh = -1;
                    }

                    Replace(i);
                }
            }
            else if (pendingHigh >= 0)
            {
                Replace(pendingHigh);
                pendingHigh = -1;
            }

            i += 5;
        }

        if (pendingHigh >= 0)
        {
            Replace(pendingHigh);
        }

        if (builder is null)
        {
            return text;
        }

        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();

        void Replace(int at)
        {
            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, at - copied).Append("\\ufffd");
            copied = at + 6;
        }
    }
}
