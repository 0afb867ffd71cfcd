package io.columba.workspace.datafile;

import java.util.function.IntPredicate;

/**
 * Scanning of SQL-ish text in datafiles (types, DEFAULT expressions, keys) that skips quoted strings
 * ({@code '...'}, {@code "..."}, {@code `...`}, with backslash escapes) and bracketed groups.
 */
final class ExpressionText {
    /** Returned by {@link #findTopLevel} when the text ends inside a quoted string. */
    static final int UNCLOSED_QUOTE = -1;

    private ExpressionText() {}

    /**
     * The first position at or after {@code from} that is outside quotes, at bracket depth 0 (counted from
     * {@code from}) and where {@code stop} holds; {@code text.length()} when there is none. {@code stop} is asked
     * before the character there opens a quote or a bracket, so it may stop at a backtick or a closing bracket.
     */
    static int findTopLevel(String text, int from, IntPredicate stop) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (depth == 0 && stop.test(i)) {
                return i;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            }
        }
        return quote != 0 ? UNCLOSED_QUOTE : text.length();
    }

    /** The position just after the {@code )} matching the {@code (} at {@code open}, or -1 when it is not closed. */
    static int afterClosingParenthesis(String text, int open) {
        int close = findTopLevel(text, open + 1, i -> text.charAt(i) == ')');
        return close == UNCLOSED_QUOTE || close == text.length() ? -1 : close + 1;
    }

    /** Whether a comma separates several expressions at the top level of {@code text}. */
    static boolean hasTopLevelComma(String text) {
        int comma = findTopLevel(text, 0, i -> text.charAt(i) == ',');
        return comma != UNCLOSED_QUOTE && comma < text.length();
    }
}
