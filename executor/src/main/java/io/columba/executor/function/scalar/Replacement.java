package io.columba.executor.function.scalar;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** ClickHouse's regexp replacement templates: {@code \0}-{@code \9} insert groups, {@code \x} is {@code x}. */
final class Replacement {
    private Replacement() {}

    /** The template as pieces: {@code byte[]} literals and {@code Integer} group numbers. */
    static Object[] parse(String replacement, int groups) {
        byte[] bytes = StringOperands.utf8(replacement);
        List<Object> pieces = new ArrayList<>();
        ByteArrayOutputStream literal = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\\' && i + 1 < bytes.length) {
                byte next = bytes[++i];
                if (next >= '0' && next <= '9') {
                    int group = next - '0';
                    if (group > groups) {
                        throw new ColumbaException(
                                ErrorCode.BAD_ARGUMENTS,
                                "Invalid replace instruction in replacement string. Id: " + group
                                        + ", but regexp has only " + groups + " subpatterns");
                    }
                    if (literal.size() > 0) {
                        pieces.add(literal.toByteArray());
                        literal.reset();
                    }
                    pieces.add(group);
                    continue;
                }
                literal.write(next);
                continue;
            }
            literal.write(bytes[i]);
        }
        if (literal.size() > 0) {
            pieces.add(literal.toByteArray());
        }
        return pieces.toArray();
    }

    /** Replaces the first (once) or every match in {@code data[from, to)}; as ClickHouse, stops after an empty one. */
    static void apply(
            CompiledRegex.Matcher matcher,
            byte[] data,
            int from,
            int to,
            Object[] template,
            boolean once,
            ByteSink out) {
        matcher.reset(data, from, to);
        int position = from;
        while (position < to) {
            if (!matcher.find(position - from)) {
                break;
            }
            int start = matcher.start(0);
            int end = matcher.end(0);
            out.append(data, position, start - position);
            for (Object piece : template) {
                if (piece instanceof byte[] literal) {
                    out.append(literal);
                } else {
                    int group = (Integer) piece;
                    int groupStart = matcher.start(group);
                    if (groupStart >= 0) {
                        out.append(data, groupStart, matcher.end(group) - groupStart);
                    }
                }
            }
            position = end;
            if (once || start == end) {
                break;
            }
        }
        out.append(data, position, to - position);
    }
}
