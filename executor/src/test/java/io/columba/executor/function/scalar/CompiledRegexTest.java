package io.columba.executor.function.scalar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The java.util.regex fast path finds exactly what re2j finds, group by group, over many patterns and texts. */
class CompiledRegexTest {
    private static final List<String> PATTERNS = List.of(
            "^https?://(?:www\\.)?([^/]+)/.*$",
            "a|ab",
            "(a|ab)(c|bcd)(d*)",
            "x*",
            "\\d+",
            "[a-z]+(\\d+)?",
            "^$",
            "b$",
            "\\s+",
            "\\S+",
            "(\\w+)@(\\w+)\\.com",
            "a.c",
            "[^/]*",
            "(?:a*)+b",
            "((a)|b)?c",
            "a{2,3}",
            "(?:ab)+?c",
            "\\bfoo\\b",
            "[\\s,]+");

    private static final String ALPHABET = "ab cd/.:@\n\u000b1x9_-";

    @Test
    void fastPathAgreesWithRe2() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>(List.of(
                "", "https://www.google.com/search", "http://a.b/", "abcd", "aab", "foo bar,foo", "a\nb\n", "x@y.com"));
        for (int i = 0; i < 1000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int c = 0; c < length; c++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            texts.add(text.toString());
        }
        for (String pattern : PATTERNS) {
            CompiledRegex fast = CompiledRegex.compile(pattern);
            CompiledRegex reference = CompiledRegex.compileOnRe2(pattern);
            assertThat(fast.hasFastPath()).as(pattern).isTrue();
            for (String text : texts) {
                assertThat(matches(fast, text))
                        .as(pattern + " on '" + text + "'")
                        .isEqualTo(matches(reference, text));
            }
        }
    }

    @Test
    void unsupportedSyntaxStaysOnRe2() {
        for (String pattern : List.of(
                "(?i)abc",
                "[[:alpha:]]",
                "\\pL",
                "(?P<name>a)",
                "[]a]",
                "é",
                "\\x41",
                "a{,2}",
                "(a*)+b",
                "(?:(a)b)*")) {
            assertThat(CompiledRegex.compile(pattern).hasFastPath()).as(pattern).isFalse();
        }
    }

    /** Every match from every start offset, as group offsets. */
    private static List<Integer> matches(CompiledRegex regex, String text) {
        byte[] data = ("<" + text + ">").getBytes(StandardCharsets.UTF_8);
        CompiledRegex.Matcher matcher = regex.matcher();
        matcher.reset(data, 1, data.length - 1);
        List<Integer> out = new ArrayList<>();
        for (int start = 0; start <= data.length - 2; start++) {
            if (!matcher.find(start)) {
                out.add(-2);
                continue;
            }
            for (int group = 0; group <= regex.groupCount(); group++) {
                out.add(matcher.start(group));
                out.add(matcher.end(group));
            }
        }
        return out;
    }
}
