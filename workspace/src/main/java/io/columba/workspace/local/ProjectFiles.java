package io.columba.workspace.local;

import io.columba.workspace.project.DataProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The files of a project folder a build would send: datafiles and fixtures, by project path. */
final class ProjectFiles {
    private ProjectFiles() {}

    static Map<String, byte[]> read(Path folder) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = folder.relativize(path);
                if (DataProject.isSkipped(relative)) {
                    continue;
                }
                ProjectFile file = new ProjectFile(relative.toString(), new byte[0]);
                if (file.hasExtension(".datasource") || file.hasExtension(".pipe") || file.isFixture()) {
                    files.put(file.path(), Files.readAllBytes(path));
                }
            }
        }
        return files;
    }

    /** Writes {@code files} under {@code folder}, at their project paths. */
    static void write(Path folder, List<ProjectFile> files) {
        try {
            for (ProjectFile file : files) {
                Path target = folder.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.write(target, file.content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build's files into " + folder, e);
        }
    }
}
