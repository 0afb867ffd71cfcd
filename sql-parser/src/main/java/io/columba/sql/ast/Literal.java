package io.columba.sql.ast;

/**
 * A constant as written. Integers keep their 64-bit pattern in {@code value} ({@code UINT64} for values above
 * Int64's range); integers beyond 64 bits are {@code BIG_INTEGER} BigIntegers; floats are Doubles; strings are Java strings with escapes resolved.
 */
public record Literal(Kind kind, Object value) implements Expression {

    /** The literal kinds ClickHouse distinguishes. */
    public enum Kind {
        UINT64,
        INT64,
        FLOAT64,
        BIG_INTEGER,
        STRING,
        NULL,
        BOOL
    }

    public static Literal ofString(String value) {
        return new Literal(Kind.STRING, value);
    }

    public static Literal ofNull() {
        return new Literal(Kind.NULL, null);
    }
}
