package io.columba.sql.ast;

/**
 * {@code INTO OUTFILE 'path' [APPEND | TRUNCATE] [AND STDOUT] [COMPRESSION 'method' [LEVEL n]]} of a SELECT: the
 * client writes the rows to a file. {@code compression} is null when not written, {@code compressionLevel} too.
 */
public record OutputFile(
        String path, boolean append, boolean truncate, boolean andStdout, String compression, Long compressionLevel) {}
