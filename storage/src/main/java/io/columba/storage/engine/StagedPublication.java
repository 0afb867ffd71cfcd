package io.columba.storage.engine;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.part.ChecksummedFile;
import io.columba.storage.part.PartWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The record that makes the publication of a table's staged parts atomic: it lists every rename, is synced before
 * the first one, and is deleted after the last. A table opening with a record left by a crash finishes its renames;
 * a record that does not read back whole was never complete, so none of its renames had begun, and it is dropped
 * (its staged folders go with the other {@code tmp_} leftovers).
 *
 * <pre>
 * txn_&lt;id&gt; --> ChecksummedFile "CLTX" of Rename^N
 * Rename      --> StagedFolder '\t' PartFolder '\n'   (UTF-8 folder names inside the table folder)
 * </pre>
 */
final class StagedPublication {
    static final String PREFIX = "txn_";
    private static final String MAGIC = "CLTX";
    private static final int VERSION = 1;

    private StagedPublication() {}

    /** One staged folder and the part folder it becomes. */
    record Rename(String staged, String part) {}

    /** Writes and syncs the record of {@code renames}; from here on they happen, even across a crash. */
    static Path write(Path tableFolder, String transactionId, List<Rename> renames) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Rename rename : renames) {
            text.append(rename.staged()).append('\t').append(rename.part()).append('\n');
        }
        byte[] payload = text.toString().getBytes(StandardCharsets.UTF_8);
        Path record = tableFolder.resolve(PREFIX + transactionId);
        ChecksummedFile.write(record, MAGIC, VERSION, payload, payload.length, true);
        PartWriter.syncFolder(tableFolder);
        return record;
    }

    /** Renames the staged folders of {@code renames}, syncs the table folder, then deletes the record. */
    static void apply(Path tableFolder, Path record, List<Rename> renames) throws IOException {
        for (Rename rename : renames) {
            Path staged = tableFolder.resolve(rename.staged());
            Path part = tableFolder.resolve(rename.part());
            if (Files.isDirectory(staged) && !Files.exists(part)) {
                Files.move(staged, part, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        PartWriter.syncFolder(tableFolder);
        Files.delete(record);
    }

    /** Finishes the publications a crash interrupted in {@code tableFolder} (run before leftovers are removed). */
    static void recover(Path tableFolder) throws IOException {
        List<Path> records;
        try (Stream<Path> children = Files.list(tableFolder)) {
            records = children.filter(child -> child.getFileName().toString().startsWith(PREFIX))
                    .toList();
        }
        for (Path record : records) {
            List<Rename> renames;
            try {
                renames = read(record);
            } catch (ColumbaException | IOException torn) {
                Files.delete(record);
                continue;
            }
            apply(tableFolder, record, renames);
        }
    }

    private static List<Rename> read(Path record) throws IOException {
        String text = new String(ChecksummedFile.read(record, MAGIC, VERSION), StandardCharsets.UTF_8);
        List<Rename> renames = new ArrayList<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                renames.add(new Rename(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return renames;
    }
}
