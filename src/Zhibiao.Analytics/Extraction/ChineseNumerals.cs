namespace Zhibiao.Analytics.Extraction;

/// <summary>
/// Chinese numerals as written in reports: 三, 两, 十五, 一百二十, 三千五百, 三百五 (= 350), with 零/〇 between
/// places. Magnitude words (万, 亿, 万亿) are not part of a numeral here: a scanner splits 两万亿 into the numeral 两 and
/// the magnitude 万亿. Ill-formed runs (十四五, 一二, 千百) are rejected rather than guessed.
/// </summary>
internal static class ChineseNumerals
{
    /// <summary>Whether the character can be part of a Chinese number (a digit, 十 百 千, 万 亿, 零 〇, 两).</summary>
    public static bool IsNumeralChar(char c) => DigitValue(c) >= 0 || PlaceValue(c) > 0 || c is '万' or '亿';

    /// <summary>
    /// The value of a numeral below 10,000 written without magnitude words: 三 → 3, 十五 → 15, 两千 → 2000,
    /// 一百零五 → 105, 三百五 → 350. Null when the text is not a well-formed numeral.
    /// </summary>
    public static int? Parse(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return null;
        int total = 0, digit = -1, lastPlace = 10000;
        bool zero = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            int d = DigitValue(c);
            if (d == 0)
            {
                // 零 stands between places (一百零五); a leading or doubled zero is not a numeral.
                if (digit >= 0 || i == 0 || zero) return null;
                zero = true;
                continue;
            }

            if (d > 0)
            {
                if (digit >= 0) return null;
                digit = d;
                continue;
            }

            int place = PlaceValue(c);
            if (place == 0 || place >= lastPlace) return null;
            if (digit < 0)
            {
                // Only 十 may stand alone at the start (十五 = 15).
                if (place != 10 || i != 0) return null;
                digit = 1;
            }

            if (zero && place * 10 >= lastPlace) return null;
            total += digit * place;
            digit = -1;
            lastPlace = place;
            zero = false;
        }

        if (digit >= 0)
        {
            // A trailing digit after a place without 零 counts in the next place down: 三百五 = 350, 一千二 = 1200.
            total += !zero && lastPlace is 100 or 1000 ? digit * (lastPlace / 10) : digit;
        }
        else if (zero)
        {
            return null;
        }

        return total;
    }

    /// <summary>0–9 for 零〇一二两三四五六七八九, −1 otherwise.</summary>
    internal static int DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    /// <summary>10, 100, 1000 for 十 百 千; 0 otherwise.</summary>
    internal static int PlaceValue(char c) => c switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => 0,
    };
}
