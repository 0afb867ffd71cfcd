package io.columba.workspace.datafile;

import java.util.List;

/**
 * One directive of a datafile: {@code KEYWORD value} on one line, or {@code KEYWORD >} followed by an indented
 * block. {@code value} has one pair of matching quotes stripped; {@code blockLines} are dedented, without leading
 * or trailing blank lines, the first of them on line {@code blockFirstLine}. Line numbers are 1-based.
 */
public record Directive(String keyword, String value, List<String> blockLines, int line, int blockFirstLine) {
    public Directive {
        blockLines = List.copyOf(blockLines);
    }

    public boolean isBlock() {
        return value == null;
    }

    /** The block joined with newlines, or the value for a one-line directive. */
    public String text() {
        return isBlock() ? String.join("\n", blockLines) : value;
    }
}
