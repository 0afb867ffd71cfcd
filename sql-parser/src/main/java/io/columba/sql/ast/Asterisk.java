package io.columba.sql.ast;

import java.util.List;

/**
 * {@code *} or {@code t.*}; {@code qualifier} is null for a bare star. {@code transformers} ({@code EXCEPT},
 * {@code REPLACE}, {@code APPLY}) are applied in order to the columns it stands for; empty when none is written.
 * {@code matcher} narrows the columns to those of a columns matcher, {@code COLUMNS('regexp')} or
 * {@code COLUMNS(a, b)} (a call of {@code COLUMNS}): it is set for a matcher with transformers
 * ({@code COLUMNS('^a') APPLY (sum)}) or after a table ({@code t.COLUMNS('^a')}), and null for a star. An
 * unqualified matcher without transformers is the plain call {@code COLUMNS(...)}, no {@code Asterisk}.
 */
public record Asterisk(String qualifier, List<ColumnTransformer> transformers, FunctionCall matcher)
        implements Expression {

    public Asterisk {
        transformers = List.copyOf(transformers);
    }

    public Asterisk(String qualifier, List<ColumnTransformer> transformers) {
        this(qualifier, transformers, null);
    }

    public Asterisk(String qualifier) {
        this(qualifier, List.of());
    }
}
