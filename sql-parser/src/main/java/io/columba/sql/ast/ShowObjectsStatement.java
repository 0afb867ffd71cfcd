package io.columba.sql.ast;

/**
 * {@code SHOW TABLES | DATABASES | DICTIONARIES [FROM db] [[NOT] LIKE | ILIKE 'pattern' | WHERE condition] [LIMIT n]};
 * {@code objects} is the upper-cased kind, and {@code database}, {@code pattern}, {@code limit}, {@code format} and
 * {@code where} (a condition on the columns of the system table listed) are null when absent.
 */
public record ShowObjectsStatement(
        String objects,
        String database,
        String pattern,
        boolean notLike,
        boolean caseInsensitive,
        Expression limit,
        String format,
        Expression where)
        implements Statement {}
