package io.columba.workspace;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table an {@code INSERT INTO [TABLE] [default.]name ...} statement writes, told from its first words only (the
 * rest may be megabytes of FORMAT data), and where in the text that name is, so the same statement can be pointed
 * at another table. Statements that are not such an insert have no target.
 */
record InsertTarget(String table, int start, int end) {
    private static final Pattern INSERT = Pattern.compile(
            "\\s*INSERT\\s+INTO\\s+(?:TABLE\\s+)?(?:(?:default|`default`)\\s*\\.\\s*)?"
                    + "(`(?:[^`\\\\]|\\\\.)+`|\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final int PREFIX_CHARS = 4096;

    /** The target of {@code sql}, or null when it is not an INSERT into a table of the default database. */
    static InsertTarget of(String sql) {
        Matcher matcher = INSERT.matcher(sql.substring(0, Math.min(sql.length(), PREFIX_CHARS)));
        if (!matcher.lookingAt()) {
            return null;
        }
        String name = matcher.group(1);
        String table = name.charAt(0) == '`' || name.charAt(0) == '"'
                ? name.substring(1, name.length() - 1).replaceAll("\\\\(.)", "$1")
                : name;
        return new InsertTarget(table, matcher.start(1), matcher.end(1));
    }

    /** {@code sql} (the statement this target was read from) inserting into {@code other} instead. */
    String into(String sql, String other) {
        return sql.substring(0, start)
                + '`'
                + other.replace("\\", "\\\\").replace("`", "\\`")
                + '`'
                + sql.substring(end);
    }
}
