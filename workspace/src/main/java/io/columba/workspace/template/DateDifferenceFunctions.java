package io.columba.workspace.template;

import java.math.BigInteger;
import java.util.List;

/**
 * {@code day_diff} and {@code date_diff_in_days/hours/minutes/seconds}: the absolute difference between two date
 * parameters in whole units, parsed with strptime formats (a backup format may be given). Placeholders give the
 * default or 0, so validation renders do not fail.
 */
final class DateDifferenceFunctions {
    private static final List<String> PARAMETERS =
            List.of("d0", "d1", "date_format", "default", "backup_date_format", "none_if_error");
    private static final String TIME_FORMAT_HELP = " defaults to YYYY-MM-DD hh:mm:ss. Or %Y-%m-%d %H:%M:%S"
            + " [.ssssss]Z, e.g. ms: 2022-12-19T18:42:22.591Z s:2022-12-19T18:42:22Z";

    private DateDifferenceFunctions() {}

    static Object dayDiff(CallArguments arguments, RenderState state) {
        CallArguments.Bound bound = arguments.bind(List.of("d0", "d1", "default"), 2);
        Object d0 = bound.get("d0");
        Object d1 = bound.get("d1");
        if (d0 instanceof Placeholder || d1 instanceof Placeholder) {
            return BigInteger.ZERO;
        }
        Object difference = difference(d0, d1, "%Y-%m-%d", null, 86_400L);
        if (difference == null) {
            throw TemplateException.template(
                    "invalid date format in function `day_diff`, it must be ISO format date YYYY-MM-DD, e.g."
                            + " 2018-09-26. For other fotmats, try `date_diff_in_days`",
                    arguments.line());
        }
        return difference;
    }

    static Object inDays(CallArguments arguments, RenderState state) {
        return dateDiff(
                arguments,
                "%Y-%m-%d",
                86_400L,
                "invalid date format in function `date_diff_in_days`, it must"
                        + " be ISO format date YYYY-MM-DD, e.g. 2018-09-26");
    }

    static Object inHours(CallArguments arguments, RenderState state) {
        return dateDiff(
                arguments,
                "%Y-%m-%d %H:%M:%S",
                3_600L,
                "invalid date_format in function `date_diff_in_hours`," + TIME_FORMAT_HELP);
    }

    static Object inMinutes(CallArguments arguments, RenderState state) {
        // Tinybird's message names date_diff_in_seconds here too; kept so clients see the same text.
        return dateDiff(
                arguments,
                "%Y-%m-%d %H:%M:%S",
                60L,
                "invalid date_format in function `date_diff_in_seconds`," + TIME_FORMAT_HELP);
    }

    static Object inSeconds(CallArguments arguments, RenderState state) {
        return dateDiff(
                arguments,
                "%Y-%m-%d %H:%M:%S",
                1L,
                "invalid date_format in function `date_diff_in_seconds`," + TIME_FORMAT_HELP);
    }

    private static Object dateDiff(CallArguments arguments, String defaultFormat, long unitSeconds, String error) {
        CallArguments.Bound bound = arguments.bind(PARAMETERS, 2);
        Object d0 = bound.get("d0");
        Object d1 = bound.get("d1");
        if (d0 instanceof Placeholder || d1 instanceof Placeholder) {
            Object fallback = bound.get("default");
            return PythonValues.isTrue(fallback) ? fallback : BigInteger.ZERO;
        }
        boolean noneIfError = PythonValues.isTrue(bound.get("none_if_error"));
        Object difference = difference(
                d0, d1, bound.getOrDefault("date_format", defaultFormat), bound.get("backup_date_format"), unitSeconds);
        if (difference == null && !noneIfError) {
            throw TemplateException.template(error, arguments.line());
        }
        return difference;
    }

    /** The difference in whole units, or {@code null} when a date does not parse. */
    private static Object difference(Object d0, Object d1, Object format, Object backupFormat, long unitSeconds) {
        PythonDateParser.Moment first = parse(d0, format, backupFormat);
        PythonDateParser.Moment second = parse(d1, format, backupFormat);
        if (first == null || second == null || first.aware() != second.aware()) {
            return null;
        }
        long micros = Math.abs(second.epochMicros() - first.epochMicros());
        return BigInteger.valueOf(micros / (unitSeconds * 1_000_000L));
    }

    private static PythonDateParser.Moment parse(Object date, Object format, Object backupFormat) {
        String text = PythonValues.stringValue(date);
        String primary = PythonValues.stringValue(format);
        if (text == null || primary == null) {
            return null;
        }
        PythonDateParser.Moment moment = PythonDateParser.parse(text, primary);
        String backup = PythonValues.stringValue(backupFormat);
        if (moment == null && PythonValues.isTrue(backupFormat) && backup != null) {
            moment = PythonDateParser.parse(text, backup);
        }
        return moment;
    }
}
