package io.columba.workspace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLeftoversTest {
    @TempDir
    Path data;

    @Test
    void downloadsAndSpooledUploadsLeftByACrashAreRemovedOnOpen() throws Exception {
        Path imports = Files.createDirectories(data.resolve("imports"));
        Path uploads = Files.createDirectories(data.resolve("database").resolve("uploads"));
        Path download = Files.writeString(imports.resolve("import-123.part"), "half a file");
        Path upload = Files.writeString(uploads.resolve("upload-456.parquet"), "PAR1");
        Path unrelated = Files.writeString(imports.resolve("notes.txt"), "kept");
        try (Workspace workspace = Workspace.open(data)) {
            assertFalse(Files.exists(download));
            assertFalse(Files.exists(upload));
            assertTrue(Files.exists(unrelated), "only the files Columba spools are removed");
            assertTrue(workspace.jobs().list().isEmpty());
        }
        assertTrue(Files.exists(data.resolve("jobs.ndjson")));
    }
}
