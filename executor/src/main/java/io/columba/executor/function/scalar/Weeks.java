package io.columba.executor.function.scalar;

import java.time.LocalDate;

/** MySQL's week modes 0-9, as ClickHouse's toWeek and toYearWeek count them (MySQL calc_week). */
final class Weeks {
    private Weeks() {}

    private static final int MONDAY_FIRST = 1;
    private static final int YEAR = 2;
    private static final int FIRST_WEEKDAY = 4;

    /**
     * The week as {@code year * 100 + week}: toWeek's week 0 is the days before the year's first week unless the
     * mode (or toYearWeek, {@code alwaysWeekYear}) counts them in the previous year's last week.
     */
    static long yearWeek(long day, int mode, boolean alwaysWeekYear) {
        if ((mode & 8) != 0) {
            return newYearWeek(day, (mode & 1) == 1);
        }
        int behaviour = mode & 7;
        if ((behaviour & MONDAY_FIRST) == 0) {
            behaviour ^= FIRST_WEEKDAY;
        }
        return calcWeek(day, alwaysWeekYear ? behaviour | YEAR : behaviour);
    }

    private static int weekday(long day, boolean sundayFirst) {
        // 0 is the first day of the week: Monday, or Sunday when sundayFirst.
        return (int) Math.floorMod(day + (sundayFirst ? 4 : 3), 7);
    }

    private static long calcWeek(long day, int behaviour) {
        LocalDate date = LocalDate.ofEpochDay(day);
        boolean mondayFirst = (behaviour & MONDAY_FIRST) != 0;
        boolean weekYear = (behaviour & YEAR) != 0;
        boolean firstWeekday = (behaviour & FIRST_WEEKDAY) != 0;
        int year = date.getYear();
        long firstDay = LocalDate.of(year, 1, 1).toEpochDay();
        int weekday = weekday(firstDay, !mondayFirst);
        if (date.getMonthValue() == 1 && date.getDayOfMonth() <= 7 - weekday) {
            if (!weekYear && ((firstWeekday && weekday != 0) || (!firstWeekday && weekday >= 4))) {
                return year * 100L;
            }
            weekYear = true;
            year--;
            int days = LocalDate.of(year, 1, 1).lengthOfYear();
            firstDay -= days;
            weekday = (weekday + 53 * 7 - days) % 7;
        }
        long days;
        if ((firstWeekday && weekday != 0) || (!firstWeekday && weekday >= 4)) {
            days = day - (firstDay + (7 - weekday));
        } else {
            days = day - (firstDay - weekday);
        }
        if (weekYear && days >= 52 * 7) {
            weekday = (weekday + LocalDate.of(year, 1, 1).lengthOfYear()) % 7;
            if ((!firstWeekday && weekday < 4) || (firstWeekday && weekday == 0)) {
                return (year + 1) * 100L + 1;
            }
        }
        return year * 100L + days / 7 + 1;
    }

    /** Modes 8 and 9: week 1 is the week holding January 1. */
    private static long newYearWeek(long day, boolean mondayFirst) {
        LocalDate date = LocalDate.ofEpochDay(day);
        long startOfWeek = day - weekday(day, !mondayFirst);
        long nextNewYear = LocalDate.of(date.getYear() + 1, 1, 1).toEpochDay();
        if (nextNewYear - startOfWeek < 7) {
            return (date.getYear() + 1) * 100L + 1;
        }
        long newYear = LocalDate.of(date.getYear(), 1, 1).toEpochDay();
        long firstWeekStart = newYear - weekday(newYear, !mondayFirst);
        return date.getYear() * 100L + (startOfWeek - firstWeekStart) / 7 + 1;
    }
}
