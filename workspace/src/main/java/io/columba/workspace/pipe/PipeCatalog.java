package io.columba.workspace.pipe;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.workspace.datafile.PipeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The pipes of a workspace by name. Immutable, so request threads share it. */
public final class PipeCatalog {
    public static final PipeCatalog EMPTY = new PipeCatalog(new TreeMap<>());

    private final Map<String, Pipe> pipes;

    private PipeCatalog(Map<String, Pipe> pipes) {
        this.pipes = pipes;
    }

    /**
     * A catalog of these pipes, their templates parsed.
     *
     * @throws ColumbaException when two pipes share a name or a node's template does not parse
     */
    public static PipeCatalog of(List<PipeDefinition> definitions) {
        Map<String, Pipe> pipes = new TreeMap<>();
        for (PipeDefinition definition : definitions) {
            if (pipes.containsKey(definition.name())) {
                throw new ColumbaException(ErrorCode.BAD_ARGUMENTS, "pipe " + definition.name() + " is defined twice");
            }
            pipes.put(definition.name(), Pipe.of(definition));
        }
        return new PipeCatalog(pipes);
    }

    public Optional<Pipe> pipe(String name) {
        return Optional.ofNullable(pipes.get(name));
    }

    /** All pipes, by name. */
    public List<Pipe> pipes() {
        return new ArrayList<>(pipes.values());
    }

    public boolean isEmpty() {
        return pipes.isEmpty();
    }
}
