package io.columba.sql.ast;

import java.util.List;

/**
 * A statement Columba recognizes but does not model: access control ({@code CREATE USER}, {@code GRANT}, row
 * policies, quotas, settings profiles), transactions ({@code BEGIN}, {@code COMMIT}), {@code DROP FUNCTION},
 * {@code SHOW GRANTS}, {@code SHOW COLUMNS}. {@code words} are its leading keywords, upper-cased
 * ({@code [DROP, ROW, POLICY]}); {@code text} is the statement as written.
 */
public record AdministrationStatement(List<String> words, String text) implements Statement {

    public AdministrationStatement {
        words = List.copyOf(words);
    }
}
