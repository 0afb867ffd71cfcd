package io.columba.sql.ast;

import java.util.List;

/**
 * What a column transformer does to the columns a {@code *} or {@code t.*} stands for, in the order written:
 * {@code * EXCEPT (a) APPLY (sum)}. Not an expression: it belongs to its {@link Asterisk}.
 */
public sealed interface ColumnTransformer {

    /** {@code APPLY (f)}, {@code APPLY f} or {@code APPLY (x -> ...)}: each column becomes {@code f(column)}. */
    record Apply(Expression function) implements ColumnTransformer {}

    /** {@code EXCEPT [STRICT] (a, b)} or {@code EXCEPT ('regexp')}; {@code pattern} is null for a list. */
    record Except(List<String> columns, String pattern, boolean strict) implements ColumnTransformer {
        public Except {
            columns = List.copyOf(columns);
        }
    }

    /** {@code REPLACE [STRICT] (expression AS column, ...)}: the column's value becomes the expression. */
    record Replace(List<Alias> replacements, boolean strict) implements ColumnTransformer {
        public Replace {
            replacements = List.copyOf(replacements);
        }
    }
}
