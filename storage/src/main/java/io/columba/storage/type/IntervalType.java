package io.columba.storage.type;

/** IntervalSecond ... IntervalYear: a count of one time unit (Int64), added to or subtracted from dates and times. */
public record IntervalType(Unit unit) implements DataType {

    /** The units, with the name ClickHouse gives each ({@code IntervalDay}). */
    public enum Unit {
        SECOND("Second"),
        MINUTE("Minute"),
        HOUR("Hour"),
        DAY("Day"),
        WEEK("Week"),
        MONTH("Month"),
        QUARTER("Quarter"),
        YEAR("Year");

        private final String title;

        Unit(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        /** Whether the unit is a fixed number of seconds (up to a week) rather than calendar months. */
        public boolean isFixed() {
            return ordinal() <= WEEK.ordinal();
        }

        /** Seconds in one unit, for the fixed units. */
        public long seconds() {
            return switch (this) {
                case SECOND -> 1;
                case MINUTE -> 60;
                case HOUR -> 3600;
                case DAY -> 86400;
                case WEEK -> 604800;
                default -> throw new IllegalStateException(this + " has no fixed length");
            };
        }

        /** Months in one unit, for the calendar units. */
        public long months() {
            return switch (this) {
                case MONTH -> 1;
                case QUARTER -> 3;
                case YEAR -> 12;
                default -> throw new IllegalStateException(this + " is not counted in months");
            };
        }
    }

    @Override
    public String name() {
        return "Interval" + unit.title();
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.LONG;
    }

    @Override
    public int fixedWidth() {
        return 8;
    }

    @Override
    public boolean signedValues() {
        return true;
    }
}
