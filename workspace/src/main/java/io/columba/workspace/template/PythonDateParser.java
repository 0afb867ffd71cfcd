package io.columba.workspace.template;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code datetime.strptime} for the directives date formats use ({@code %Y %m %d %H %M %S %f %y %j %z
 * %%}): literals match case-insensitively, whitespace matches any run of whitespace, fields are range checked.
 */
final class PythonDateParser {
    private PythonDateParser() {}

    /** A parsed moment in microseconds since the epoch (UTC when aware), and whether it carried an offset. */
    record Moment(long epochMicros, boolean aware) {}

    /** The moment {@code text} denotes in {@code format}, or {@code null} when strptime would raise. */
    static Moment parse(String text, String format) {
        Set<Character> directives = new HashSet<>();
        Pattern pattern = compile(format, directives);
        if (pattern == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        try {
            return moment(matcher, directives);
        } catch (RuntimeException invalidField) {
            return null;
        }
    }

    private static Pattern compile(String format, Set<Character> directives) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char character = format.charAt(i);
            if (character == '%') {
                if (++i >= format.length()) {
                    return null;
                }
                String directive = directive(format.charAt(i));
                if (directive == null || (format.charAt(i) != '%' && !directives.add(format.charAt(i)))) {
                    return null;
                }
                regex.append(directive);
            } else if (Character.isWhitespace(character)) {
                regex.append("\\s+");
                while (i + 1 < format.length() && Character.isWhitespace(format.charAt(i + 1))) {
                    i++;
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(character)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String directive(char letter) {
        return switch (letter) {
            case 'Y' -> "(?<Y>\\d{4})";
            case 'y' -> "(?<y>\\d{2})";
            case 'm' -> "(?<m>1[0-2]|0[1-9]|[1-9])";
            case 'd' -> "(?<d>3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])";
            case 'H' -> "(?<H>2[0-3]|[0-1]\\d|\\d)";
            case 'M' -> "(?<M>[0-5]\\d|\\d)";
            case 'S' -> "(?<S>6[0-1]|[0-5]\\d|\\d)";
            case 'f' -> "(?<f>[0-9]{1,6})";
            case 'j' -> "(?<j>36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])";
            case 'z' -> "(?<z>[+-]\\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)?|(?-i:Z))";
            case '%' -> "%";
            default -> null;
        };
    }

    private static Moment moment(Matcher matcher, Set<Character> directives) {
        int year = directives.contains('Y') ? Integer.parseInt(matcher.group("Y")) : 1900;
        if (directives.contains('y')) {
            int shortYear = Integer.parseInt(matcher.group("y"));
            year = shortYear < 69 ? 2000 + shortYear : 1900 + shortYear;
        }
        LocalDateTime dateTime = LocalDateTime.of(
                year,
                field(matcher, directives, 'm', 1),
                field(matcher, directives, 'd', 1),
                field(matcher, directives, 'H', 0),
                field(matcher, directives, 'M', 0),
                field(matcher, directives, 'S', 0));
        if (directives.contains('j')) {
            dateTime = dateTime.withDayOfYear(Integer.parseInt(matcher.group("j")));
        }
        if (directives.contains('f')) {
            String fraction = (matcher.group("f") + "00000").substring(0, 6);
            dateTime = dateTime.plus(Long.parseLong(fraction), ChronoUnit.MICROS);
        }
        long micros = ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), dateTime);
        if (!directives.contains('z')) {
            return new Moment(micros, false);
        }
        return new Moment(micros - offsetSeconds(matcher.group("z")) * 1_000_000L, true);
    }

    private static int field(Matcher matcher, Set<Character> directives, char name, int absent) {
        return directives.contains(name)
                ? Integer.parseInt(matcher.group(String.valueOf(name)).strip())
                : absent;
    }

    private static long offsetSeconds(String offset) {
        if (offset.toUpperCase(Locale.ROOT).equals("Z")) {
            return 0;
        }
        String digits = offset.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = Integer.parseInt(digits.substring(2, 4));
        int seconds = digits.length() >= 6 ? Integer.parseInt(digits.substring(4, 6)) : 0;
        long total = hours * 3600L + minutes * 60L + seconds;
        return offset.charAt(0) == '-' ? -total : total;
    }
}
