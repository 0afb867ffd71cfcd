package io.columba.sql.ast;

import java.util.List;

/** A column or alias name, possibly qualified ({@code t.a}). */
public record Identifier(List<String> parts) implements Expression {

    public Identifier {
        parts = List.copyOf(parts);
    }

    public static Identifier of(String name) {
        return new Identifier(List.of(name));
    }

    /** The last part: the column name without its table. */
    public String name() {
        return parts.get(parts.size() - 1);
    }

    public String fullName() {
        return String.join(".", parts);
    }
}
