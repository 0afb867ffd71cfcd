package io.columba.workspace.local;

import io.columba.ingest.buffer.BufferSettings;
import io.columba.storage.engine.MergeTreeTable;
import io.columba.workspace.Workspace;
import io.columba.workspace.token.TokenStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One build of a workspace: the files sent, checked ({@link BuildFiles}), compared with the files of the live build
 * (for {@code no_changes} and the new/changed/deleted names), and opened as a workspace in a folder of its own.
 */
final class ProjectBuild {
    private final List<ProjectFile> files;
    private final Map<String, byte[]> previous;
    private final BuildFiles checked;

    /** A build opened in its folder, or the errors that stopped it (then the folder is gone). */
    record Opened(String id, Workspace workspace, Map<String, byte[]> files, List<BuildError> errors) {}

    ProjectBuild(List<ProjectFile> files, Map<String, byte[]> previous) {
        this.files = List.copyOf(files);
        this.previous = previous;
        this.checked = BuildFiles.check(files);
    }

    List<BuildError> errors() {
        return checked.errors();
    }

    /** Whether the files are exactly those of the live build. */
    boolean unchanged() {
        if (previous.size() != files.size()) {
            return false;
        }
        for (ProjectFile file : files) {
            byte[] before = previous.get(file.path());
            if (before == null || !Arrays.equals(before, file.content())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Opens the project in {@code builds/<id>} with a copy of {@code tokens}: tables created, fixtures appended,
     * materialized views compiled. A table or view that fails is an error naming its file.
     */
    Opened open(Path builds, TokenStore tokens, BufferSettings buffering) {
        String id = UUID.randomUUID().toString();
        Path folder = builds.resolve(id);
        Path project = folder.resolve(LocalWorkspace.PROJECT);
        Workspace workspace = null;
        List<BuildError> errors = new ArrayList<>();
        try {
            ProjectFiles.write(project, files);
            tokens.copyTo(folder);
            workspace = Workspace.open(folder, project, buffering);
            for (String failure : workspace.inserter().views().failures()) {
                String pipe = failure.substring(0, failure.indexOf(':'));
                errors.add(new BuildError(
                        checked.pipeFile(pipe),
                        "cannot build the materialized view " + failure.substring(pipe.length() + 2)));
            }
        } catch (RuntimeException | IOException e) {
            errors.add(attributed(String.valueOf(e.getMessage()), project));
        }
        if (errors.isEmpty()) {
            Map<String, byte[]> built = new LinkedHashMap<>();
            files.forEach(file -> built.put(file.path(), file.content()));
            return new Opened(id, workspace, built, List.of());
        }
        if (workspace != null) {
            workspace.close();
        }
        try {
            MergeTreeTable.deleteFolder(folder);
        } catch (IOException e) {
            errors.add(new BuildError(null, "cannot delete the failed build in " + folder + ": " + e.getMessage()));
        }
        return new Opened(id, null, Map.of(), errors);
    }

    /** The error with the build folder's paths made project paths, attributed to the first file it names. */
    private BuildError attributed(String message, Path project) {
        String text = message.replace(project + "/", "");
        for (ProjectFile file : files) {
            if (text.startsWith(file.path())) {
                return new BuildError(file.path(), BuildFiles.withoutSource(text, file.path()));
            }
        }
        for (ProjectFile file : files) {
            if (text.contains(file.path())) {
                return new BuildError(file.path(), text);
            }
        }
        return new BuildError(null, text);
    }

    BuildResult result(BuildResult.Status status, String id) {
        List<BuildResource> datasources = new ArrayList<>();
        checked.datasources().values().forEach(d -> datasources.add(new BuildResource(d.name(), "datasource")));
        List<BuildResource> pipes = new ArrayList<>();
        checked.pipes().values().forEach(p -> pipes.add(new BuildResource(p.name(), p.type())));
        return new BuildResult(
                status,
                id,
                datasources,
                pipes,
                changes(checked.datasourceNames(), ".datasource"),
                changes(checked.pipeNames(), ".pipe"),
                List.of());
    }

    /** New, changed and deleted names of one kind, against the live build's files. */
    private BuildResult.ResourceChanges changes(Map<String, String> current, String extension) {
        Map<String, byte[]> before = new LinkedHashMap<>();
        previous.forEach((path, content) -> {
            ProjectFile file = new ProjectFile(path, content);
            if (file.hasExtension(extension)) {
                before.put(file.resourceName(), content);
            }
        });
        Map<String, byte[]> now = new LinkedHashMap<>();
        files.forEach(file -> now.put(file.path(), file.content()));
        List<String> created = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        current.forEach((name, path) -> {
            byte[] old = before.get(name);
            if (old == null) {
                created.add(name);
            } else if (!Arrays.equals(old, now.get(path))) {
                changed.add(name);
            }
        });
        List<String> deleted = before.keySet().stream()
                .filter(name -> !current.containsKey(name))
                .toList();
        return new BuildResult.ResourceChanges(created, changed, deleted);
    }
}
