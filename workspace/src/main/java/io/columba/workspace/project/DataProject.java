package io.columba.workspace.project;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.workspace.datafile.DatasourceDefinition;
import io.columba.workspace.datafile.DatasourceParser;
import io.columba.workspace.datafile.PipeDefinition;
import io.columba.workspace.datafile.PipeParser;
import io.columba.workspace.datafile.ResourceToken;
import io.columba.workspace.token.Token;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The parsed datafiles of a Tinybird data project folder: every {@code .datasource} and {@code .pipe} under it
 * (searched recursively, skipping {@code .git}, {@code target} and the like), each with the file it came from.
 */
public record DataProject(Path folder, Map<DatasourceDefinition, Path> datasources, Map<PipeDefinition, Path> pipes) {
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".columba", "target", "node_modules", ".venv");

    public DataProject {
        datasources = Collections.unmodifiableMap(new LinkedHashMap<>(datasources));
        pipes = Collections.unmodifiableMap(new LinkedHashMap<>(pipes));
    }

    /**
     * Parses every datafile of {@code folder}.
     *
     * @throws ColumbaException when a file does not parse or two files define the same name
     */
    public static DataProject read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS, "expected a project folder with datasources/, found no folder " + folder);
        }
        Map<DatasourceDefinition, Path> datasources = new LinkedHashMap<>();
        Map<String, Path> datasourceNames = new LinkedHashMap<>();
        for (Path file : files(folder, DatasourceParser.EXTENSION)) {
            DatasourceDefinition datasource = DatasourceParser.parse(file);
            requireUnique("data source", datasource.name(), file, datasourceNames);
            datasources.put(datasource, file);
        }
        Map<PipeDefinition, Path> pipes = new LinkedHashMap<>();
        Map<String, Path> pipeNames = new LinkedHashMap<>();
        for (Path file : files(folder, PipeParser.EXTENSION)) {
            PipeDefinition pipe = PipeParser.parse(file);
            requireUnique("pipe", pipe.name(), file, pipeNames);
            pipes.put(pipe, file);
        }
        return new DataProject(folder, datasources, pipes);
    }

    private static void requireUnique(String kind, String name, Path file, Map<String, Path> seen) {
        Path previous = seen.put(name, file);
        if (previous != null) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS, kind + " " + name + " is defined twice: in " + previous + " and " + file);
        }
    }

    public List<PipeDefinition> pipeDefinitions() {
        return new ArrayList<>(pipes.keySet());
    }

    /**
     * The scopes the project's {@code TOKEN} lines grant, by token name: {@code DATASOURCES:READ:<ds>},
     * {@code DATASOURCES:APPEND:<ds>}, {@code PIPES:READ:<pipe>}. A name used in several files gets all its scopes.
     */
    public Map<String, List<String>> tokenScopes() {
        Map<String, Set<String>> scopes = new LinkedHashMap<>();
        for (DatasourceDefinition datasource : datasources.keySet()) {
            for (ResourceToken token : datasource.tokens()) {
                String scope = token.scope().equals(ResourceToken.APPEND)
                        ? Token.datasourceAppendScope(datasource.name())
                        : Token.datasourceReadScope(datasource.name());
                scopes.computeIfAbsent(token.name(), name -> new LinkedHashSet<>())
                        .add(scope);
            }
        }
        for (PipeDefinition pipe : pipes.keySet()) {
            for (ResourceToken token : pipe.tokens()) {
                scopes.computeIfAbsent(token.name(), name -> new LinkedHashSet<>())
                        .add(Token.pipeReadScope(pipe.name()));
            }
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        scopes.forEach((name, granted) -> lists.put(name, List.copyOf(granted)));
        return lists;
    }

    private static List<Path> files(Path folder, String extension) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(path -> path.getFileName().toString().endsWith(extension))
                    .filter(path -> Files.isRegularFile(path))
                    .filter(path -> !isSkipped(folder.relativize(path)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + folder, e);
        }
    }

    /** Whether a path relative to a project lies in a folder projects never hold datafiles in ({@code .git} ...). */
    public static boolean isSkipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }
}
