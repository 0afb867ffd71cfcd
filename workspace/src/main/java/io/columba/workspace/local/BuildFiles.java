package io.columba.workspace.local;

import io.columba.storage.error.ColumbaException;
import io.columba.workspace.datafile.DatasourceDefinition;
import io.columba.workspace.datafile.DatasourceParser;
import io.columba.workspace.datafile.PipeDefinition;
import io.columba.workspace.datafile.PipeParser;
import io.columba.workspace.pipe.PipeCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of a build, parsed in memory before anything is written: every {@code .datasource} and {@code .pipe}
 * (templates included), with each error attributed to its file and line. Fixtures pass as they are; any other file
 * (connections, SQL fixtures, unknown extensions, paths leaving the project) is an error.
 */
record BuildFiles(
        Map<String, DatasourceDefinition> datasources, Map<String, PipeDefinition> pipes, List<BuildError> errors) {

    static BuildFiles check(List<ProjectFile> files) {
        Map<String, DatasourceDefinition> datasources = new LinkedHashMap<>();
        Map<String, PipeDefinition> pipes = new LinkedHashMap<>();
        List<BuildError> errors = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        Map<String, String> datasourceFiles = new HashMap<>();
        Map<String, String> pipeFiles = new HashMap<>();
        if (files.isEmpty()) {
            errors.add(new BuildError(null, "the build has no files: send each datafile as a 'data_project://' part"));
        }
        for (ProjectFile file : files) {
            String path = file.path();
            if (!file.isSafePath()) {
                errors.add(new BuildError(path, "expected a relative path inside the project, found '" + path + "'"));
            } else if (!paths.add(path)) {
                errors.add(new BuildError(path, "the file is sent twice"));
            } else if (file.hasExtension(DatasourceParser.EXTENSION)) {
                parse(file, errors, () -> {
                    DatasourceDefinition datasource =
                            DatasourceParser.parse(file.resourceName(), file.text(), file.path());
                    unique("data source", datasource.name(), path, datasourceFiles, errors);
                    datasources.put(path, datasource);
                });
            } else if (file.hasExtension(PipeParser.EXTENSION)) {
                parse(file, errors, () -> {
                    PipeDefinition pipe = PipeParser.parse(file.resourceName(), file.text(), file.path());
                    PipeCatalog.of(List.of(pipe));
                    unique("pipe", pipe.name(), path, pipeFiles, errors);
                    pipes.put(path, pipe);
                });
            } else if (!file.isFixture()) {
                errors.add(new BuildError(path, unsupported(file)));
            }
        }
        return new BuildFiles(datasources, pipes, errors);
    }

    private static void parse(ProjectFile file, List<BuildError> errors, Runnable parser) {
        try {
            parser.run();
        } catch (ColumbaException e) {
            errors.add(new BuildError(file.path(), withoutSource(e.getMessage(), file.path())));
        }
    }

    /** The message without the leading file name, which the error's filename already says. */
    static String withoutSource(String message, String path) {
        for (String separator : List.of(", ", ": ")) {
            if (message.startsWith(path + separator)) {
                return message.substring(path.length() + separator.length());
            }
        }
        return message;
    }

    private static void unique(
            String kind, String name, String path, Map<String, String> seen, List<BuildError> errors) {
        String previous = seen.putIfAbsent(name, path);
        if (previous != null) {
            errors.add(new BuildError(path, kind + " " + name + " is already defined in " + previous));
        }
    }

    private static String unsupported(ProjectFile file) {
        if (file.hasExtension(".connection")) {
            return "connections (.connection files) are not supported yet";
        }
        if (file.hasExtension(".sql") && file.path().contains("fixtures/")) {
            return "SQL fixtures are not supported yet: send the rows as fixtures/<datasource>.ndjson or .csv";
        }
        return "expected a .datasource or .pipe file, or a fixture fixtures/<datasource>.ndjson|.csv";
    }

    /** The data source and pipe names by kind, for comparing builds. */
    Map<String, String> datasourceNames() {
        Map<String, String> names = new LinkedHashMap<>();
        datasources.forEach((path, datasource) -> names.put(datasource.name(), path));
        return names;
    }

    Map<String, String> pipeNames() {
        Map<String, String> names = new LinkedHashMap<>();
        pipes.forEach((path, pipe) -> names.put(pipe.name(), path));
        return names;
    }

    /** The file defining pipe {@code name}, or null. */
    String pipeFile(String name) {
        return pipeNames().get(name);
    }
}
