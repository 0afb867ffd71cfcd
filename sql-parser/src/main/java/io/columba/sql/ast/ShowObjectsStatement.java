package io.columba.sql.ast;

/**
 * {@code SHOW TABLES | DATABASES | DICTIONARIES [FROM db] [[NOT] LIKE | ILIKE 'pattern'] [LIMIT n]}; {@code objects}
 * is the upper-cased kind, and {@code database}, {@code pattern}, {@code limit}, {@code format} are null when absent.
 */
public record ShowObjectsStatement(
        String objects,
        String database,
        String pattern,
        boolean notLike,
        boolean caseInsensitive,
        Expression limit,
        String format)
        implements Statement {}
