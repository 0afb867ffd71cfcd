package io.columba.workspace.pipe;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Replaces names used as tables ({@code FROM name}, {@code JOIN name}, {@code x IN name}) by parenthesized
 * subqueries, leaving every other byte of the SQL as written. {@code FROM node} becomes
 * {@code FROM (SELECT ...) AS node} (an alias already written after the name is kept instead), {@code IN node}
 * becomes {@code IN (SELECT ...)}. Qualified names ({@code db.table}) and table functions ({@code name(...)}) are
 * never replaced.
 *
 * <p>Working on tokens rather than on the parsed statement keeps SQL the parser does not model yet (joins,
 * {@code ARRAY JOIN}, {@code LIMIT BY}) intact, so the executor reports what it lacks in its own words.
 */
public final class TableNameRewriter {
    /** Words that may follow a table in FROM and so are never its alias. */
    private static final Set<String> CLAUSE_WORDS = Set.of(
            "WHERE",
            "PREWHERE",
            "GROUP",
            "ORDER",
            "LIMIT",
            "HAVING",
            "SETTINGS",
            "FORMAT",
            "UNION",
            "JOIN",
            "LEFT",
            "RIGHT",
            "INNER",
            "FULL",
            "CROSS",
            "ARRAY",
            "ON",
            "USING",
            "FINAL",
            "SAMPLE",
            "WINDOW",
            "QUALIFY",
            "INTERSECT",
            "EXCEPT",
            "GLOBAL",
            "ANY",
            "ALL",
            "ASOF",
            "SEMI",
            "ANTI",
            "OUTER",
            "PASTE",
            "OFFSET",
            "INTO");

    private TableNameRewriter() {}

    /**
     * {@code sql} with each table name for which {@code resolver} returns a query replaced by that query; names it
     * returns null for (data sources, unknown tables) stay as they are.
     */
    public static String rewrite(String sql, Function<String, String> resolver) {
        List<SqlToken> tokens = SqlLexer.tokenize(sql);
        StringBuilder out = new StringBuilder(sql.length());
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            Position position = token.isName() ? position(tokens, i) : Position.NONE;
            String replacement = position == Position.NONE ? null : resolver.apply(token.name());
            if (replacement == null) {
                out.append(token.text());
                continue;
            }
            out.append("(\n").append(replacement).append("\n)");
            if (position == Position.TABLE && !hasAlias(tokens, i)) {
                out.append(" AS ").append(token.text());
            }
        }
        return out.toString();
    }

    /**
     * {@code sql} with each qualified table name {@code database.name} read as a table ({@code FROM}, {@code JOIN})
     * replaced by the table {@code resolver} returns for {@code name} (written as given, aliased {@code name} unless
     * an alias follows), for {@code tinybird.<service data source>}. Names it returns null for stay as they are.
     */
    public static String rewriteQualified(String sql, String database, Function<String, String> resolver) {
        List<SqlToken> tokens = SqlLexer.tokenize(sql);
        StringBuilder out = new StringBuilder(sql.length());
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            int dot = nextSignificant(tokens, i);
            int name = dot < 0 ? -1 : nextSignificant(tokens, dot);
            int previous = previousSignificant(tokens, i);
            boolean qualified = token.isName()
                    && token.name().equals(database)
                    && name >= 0
                    && tokens.get(dot).isSymbol('.')
                    && tokens.get(name).isName()
                    && previous >= 0
                    && (tokens.get(previous).isWord("FROM")
                            || tokens.get(previous).isWord("JOIN"));
            String replacement = qualified ? resolver.apply(tokens.get(name).name()) : null;
            if (replacement == null) {
                out.append(token.text());
                continue;
            }
            out.append(replacement);
            if (!hasAlias(tokens, name)) {
                out.append(" AS ").append(tokens.get(name).text());
            }
            i = name;
        }
        return out.toString();
    }

    private enum Position {
        NONE,
        TABLE,
        IN_SET
    }

    private static Position position(List<SqlToken> tokens, int index) {
        int previous = previousSignificant(tokens, index);
        int next = nextSignificant(tokens, index);
        if (previous < 0) {
            return Position.NONE;
        }
        if (next >= 0 && (tokens.get(next).isSymbol('.') || tokens.get(next).isSymbol('('))) {
            return Position.NONE;
        }
        SqlToken before = tokens.get(previous);
        if (before.isWord("FROM") || before.isWord("JOIN")) {
            return Position.TABLE;
        }
        return before.isWord("IN") ? Position.IN_SET : Position.NONE;
    }

    private static boolean hasAlias(List<SqlToken> tokens, int index) {
        int next = nextSignificant(tokens, index);
        if (next < 0) {
            return false;
        }
        SqlToken after = tokens.get(next);
        if (after.isWord("AS") || after.kind() == SqlToken.Kind.QUOTED_NAME) {
            return true;
        }
        return after.kind() == SqlToken.Kind.WORD && !CLAUSE_WORDS.contains(after.upperCase());
    }

    private static int previousSignificant(List<SqlToken> tokens, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!tokens.get(i).isTrivia()) {
                return i;
            }
        }
        return -1;
    }

    private static int nextSignificant(List<SqlToken> tokens, int index) {
        for (int i = index + 1; i < tokens.size(); i++) {
            if (!tokens.get(i).isTrivia()) {
                return i;
            }
        }
        return -1;
    }
}
