package io.columba.executor.function.scalar;

/**
 * Translates an RE2 pattern into a java.util.regex pattern with exactly the same meaning, or answers null when the
 * pattern uses anything outside the subset where the two provably agree (on ASCII text).
 */
final class RegexTranslation {
    private RegexTranslation() {}

    private static final String SAFE_ESCAPES = "dDwWbBAzntrf";

    static String toJava(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() + 8);
        boolean inClass = false;
        // Per open group: whether it holds a capturing group. Repeating one differs in captures of empty rounds.
        java.util.ArrayDeque<Boolean> groups = new java.util.ArrayDeque<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c > 127) {
                return null;
            }
            if (c == '\\') {
                if (i + 1 == pattern.length()) {
                    return null;
                }
                char next = pattern.charAt(++i);
                if (next == 's' || next == 'S') {
                    if (inClass && next == 'S') {
                        return null;
                    }
                    String spaces = "\\t\\n\\f\\r ";
                    out.append(inClass ? spaces : next == 's' ? "[" + spaces + "]" : "[^" + spaces + "]");
                } else if (Character.isLetterOrDigit(next)) {
                    if (SAFE_ESCAPES.indexOf(next) < 0) {
                        return null;
                    }
                    out.append('\\').append(next);
                } else {
                    out.append('\\').append(next);
                }
                continue;
            }
            if (inClass) {
                if (c == '[' || (c == '&' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '&')) {
                    return null;
                }
                if (c == ']') {
                    inClass = false;
                }
                out.append(c);
                continue;
            }
            switch (c) {
                case '[' -> {
                    // A ']' first in a class is literal in RE2; leave such classes to re2j.
                    int first = i + 1 < pattern.length() && pattern.charAt(i + 1) == '^' ? i + 2 : i + 1;
                    if (first < pattern.length() && pattern.charAt(first) == ']') {
                        return null;
                    }
                    inClass = true;
                    out.append(c);
                }
                case '$' -> out.append("\\z");
                case '(' -> {
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '?' && !pattern.startsWith("(?:", i)) {
                        return null;
                    }
                    groups.push(!pattern.startsWith("(?:", i));
                    out.append(c);
                }
                case ')' -> {
                    if (groups.isEmpty()) {
                        return null;
                    }
                    boolean captures = groups.pop();
                    char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : ' ';
                    if (captures && (next == '*' || next == '+' || next == '{')) {
                        return null;
                    }
                    if (captures && !groups.isEmpty()) {
                        groups.push(groups.pop() | true);
                    }
                    out.append(c);
                }
                default -> out.append(c);
            }
        }
        return inClass ? null : out.toString();
    }
}
