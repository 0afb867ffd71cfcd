package io.columba.executor.function.scalar;

import com.google.re2j.PatternSyntaxException;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An RE2 regular expression. re2j checks the syntax and defines the semantics; patterns in the subset where
 * java.util.regex means exactly the same thing (translated: {@code $} is end of text, {@code \s} has no vertical
 * tab) run on java.util.regex over ASCII rows, many times faster. Its work per search is bounded: past the bound,
 * and for rows that are not ASCII, the search runs on re2j, so matching stays linear as RE2 promises.
 */
final class CompiledRegex {
    private final com.google.re2j.Pattern re2;
    private final java.util.regex.Pattern fast;

    private CompiledRegex(com.google.re2j.Pattern re2, java.util.regex.Pattern fast) {
        this.re2 = re2;
        this.fast = fast;
    }

    /** Compiles with ClickHouse's options: {@code .} also matches a newline. */
    static CompiledRegex compile(String pattern) {
        com.google.re2j.Pattern re2;
        try {
            re2 = com.google.re2j.Pattern.compile(pattern, com.google.re2j.Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_COMPILE_REGEXP, "Cannot compile regular expression '" + pattern + "': " + e);
        }
        String translated = RegexTranslation.toJava(pattern);
        java.util.regex.Pattern fast = null;
        if (translated != null) {
            try {
                fast = java.util.regex.Pattern.compile(translated, java.util.regex.Pattern.DOTALL);
                if (fast.matcher("").groupCount() != re2.groupCount()) {
                    fast = null;
                }
            } catch (java.util.regex.PatternSyntaxException e) {
                fast = null;
            }
        }
        return new CompiledRegex(re2, fast);
    }

    /** The same pattern run on re2j alone: the reference the fast path must agree with. */
    static CompiledRegex compileOnRe2(String pattern) {
        return new CompiledRegex(compile(pattern).re2, null);
    }

    boolean hasFastPath() {
        return fast != null;
    }

    String pattern() {
        return re2.pattern();
    }

    int groupCount() {
        return re2.groupCount();
    }

    Matcher matcher() {
        return new Matcher();
    }

    /** Thrown when java.util.regex has used up a row's budget of character reads. */
    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }

    /** ASCII bytes seen as characters, counting reads against a budget. */
    private static final class AsciiView implements CharSequence {
        byte[] data;
        int from;
        int length;
        long budget;

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (--budget < 0) {
                throw new OverBudget();
            }
            return (char) data[from + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(data, from + start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(data, from, length, StandardCharsets.ISO_8859_1);
        }
    }

    /** Searches one row at a time; group positions are byte offsets into the row's array (-1: no match). */
    final class Matcher {
        private final AsciiView view = new AsciiView();
        private final java.util.regex.Matcher javaMatcher = fast == null ? null : fast.matcher("");
        private com.google.re2j.Matcher re2Matcher;
        private byte[] data;
        private int from;
        private int to;
        private boolean onRe2;
        private byte[] copy;

        /** Starts on the row {@code data[from, to)}. */
        void reset(byte[] data, int from, int to) {
            this.data = data;
            this.from = from;
            this.to = to;
            copy = null;
            onRe2 = javaMatcher == null || !ascii(data, from, to);
            if (!onRe2) {
                view.data = data;
                view.from = from;
                view.length = to - from;
                javaMatcher.reset(view);
            }
        }

        private static boolean ascii(byte[] data, int from, int to) {
            for (int i = from; i < to; i++) {
                if (data[i] < 0) {
                    return false;
                }
            }
            return true;
        }

        /** The next match at or after the byte offset {@code start} of the row. */
        boolean find(int start) {
            if (!onRe2) {
                view.budget = 64L * (to - from) + 4096;
                try {
                    return javaMatcher.find(start);
                } catch (OverBudget e) {
                    onRe2 = true;
                }
            }
            if (copy == null) {
                copy = Arrays.copyOfRange(data, from, to);
                re2Matcher = re2Matcher == null ? re2.matcher(copy) : re2Matcher.reset(copy);
            }
            return re2Matcher.find(start);
        }

        /** The absolute start of a group of the last match, or -1 when the group took no part. */
        int start(int group) {
            int start = onRe2 ? re2Matcher.start(group) : javaMatcher.start(group);
            return start < 0 ? -1 : from + start;
        }

        int end(int group) {
            int end = onRe2 ? re2Matcher.end(group) : javaMatcher.end(group);
            return end < 0 ? -1 : from + end;
        }
    }
}
