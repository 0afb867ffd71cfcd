package io.columba.sql.ast;

import java.util.List;

/**
 * {@code *} or {@code t.*}; {@code qualifier} is null for a bare star. {@code transformers} ({@code EXCEPT},
 * {@code REPLACE}, {@code APPLY}) are applied in order to the columns it stands for; empty when none is written.
 */
public record Asterisk(String qualifier, List<ColumnTransformer> transformers) implements Expression {

    public Asterisk {
        transformers = List.copyOf(transformers);
    }

    public Asterisk(String qualifier) {
        this(qualifier, List.of());
    }
}
