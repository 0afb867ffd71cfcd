package io.columba.sql.ast;

import java.util.Map;

/**
 * A query with an optional {@code FORMAT} (null when absent) and the {@code SETTINGS} written after it (empty when
 * absent). {@code outputFile} is its {@code INTO OUTFILE} clause, null when absent.
 */
public record SelectStatement(SelectUnion query, String format, Map<String, Expression> settings, OutputFile outputFile)
        implements Statement {

    public SelectStatement {
        settings = Map.copyOf(settings);
    }

    public SelectStatement(SelectUnion query, String format, Map<String, Expression> settings) {
        this(query, format, settings, null);
    }

    public SelectStatement(SelectUnion query, String format) {
        this(query, format, Map.of());
    }

    /** The file of {@code INTO OUTFILE 'file'}, null when the rows go to the client as usual. */
    public String intoOutfile() {
        return outputFile == null ? null : outputFile.path();
    }
}
