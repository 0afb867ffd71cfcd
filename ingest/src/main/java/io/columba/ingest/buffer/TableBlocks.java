package io.columba.ingest.buffer;

import io.columba.executor.Database;
import io.columba.storage.part.PartName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The highest block number among a table's parts, read from the part folder names
 * ({@code <database>/data/<table>/<partition>_<minBlock>_<maxBlock>_<level>}). An insert always makes parts with
 * higher block numbers than every existing part, and merges keep the highest one, so a higher maximum after an
 * insert began means that insert committed (when nothing else wrote to the table meanwhile).
 */
final class TableBlocks {
    static final long NONE = -1;

    private TableBlocks() {}

    static long maxBlock(Database database, String table) {
        Path folder = database.folder().resolve("data").resolve(table);
        if (!Files.isDirectory(folder)) {
            return NONE;
        }
        long max = NONE;
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                PartName part = name.startsWith("tmp_") ? null : PartName.parse(name);
                if (part != null) {
                    max = Math.max(max, part.maxBlock());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the parts of " + table + " in " + folder, e);
        }
        return max;
    }
}
