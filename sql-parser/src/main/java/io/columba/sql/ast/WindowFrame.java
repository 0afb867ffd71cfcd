package io.columba.sql.ast;

/** {@code ROWS|RANGE BETWEEN start AND end}; a single bound written alone means {@code BETWEEN it AND CURRENT ROW}. */
public record WindowFrame(boolean rows, Bound start, Bound end) {

    /** One end of a frame; {@code offset} is set for {@code n PRECEDING} and {@code n FOLLOWING} only. */
    public record Bound(Kind kind, Expression offset) {
        public static final Bound CURRENT_ROW = new Bound(Kind.CURRENT_ROW, null);
    }

    public enum Kind {
        UNBOUNDED_PRECEDING,
        PRECEDING,
        CURRENT_ROW,
        FOLLOWING,
        UNBOUNDED_FOLLOWING
    }
}
