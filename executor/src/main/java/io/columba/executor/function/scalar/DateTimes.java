package io.columba.executor.function.scalar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Calendar arithmetic on day numbers and epoch seconds, with a fast path for UTC. */
public final class DateTimes {
    private DateTimes() {}

    public static long toDays(long seconds, ZoneId zone) {
        if (zone == ZoneOffset.UTC) {
            return Math.floorDiv(seconds, 86400);
        }
        int offset = zone.getRules().getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
        return Math.floorDiv(seconds + offset, 86400);
    }

    public static long startOfDaySeconds(long days, ZoneId zone) {
        if (zone == ZoneOffset.UTC) {
            return days * 86400;
        }
        return LocalDate.ofEpochDay(days).atStartOfDay(zone).toEpochSecond();
    }

    /** Rounds down to a multiple of {@code unit} seconds in local time (hour, minute: offsets are whole). */
    public static long floorToUnit(long seconds, long unit, ZoneId zone) {
        if (zone == ZoneOffset.UTC) {
            return Math.floorDiv(seconds, unit) * unit;
        }
        int offset = zone.getRules().getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
        return Math.floorDiv(seconds + offset, unit) * unit - offset;
    }

    /** Local calendar fields of epoch seconds. */
    public static java.time.LocalDateTime local(long seconds, ZoneId zone) {
        return java.time.LocalDateTime.ofEpochSecond(
                seconds,
                0,
                zone == ZoneOffset.UTC ? ZoneOffset.UTC : zone.getRules().getOffset(Instant.ofEpochSecond(seconds)));
    }
}
