package io.columba.workspace.local;

import java.util.List;

/**
 * What {@code POST /v1/build} answers: {@link Status#SUCCESS} with the resources the workspace now holds and what
 * changed against the previous build, {@link Status#NO_CHANGES} when the files are those already built, or
 * {@link Status#FAILED} with the errors (then nothing changed).
 */
public record BuildResult(
        Status status,
        String id,
        List<BuildResource> datasources,
        List<BuildResource> pipes,
        ResourceChanges datasourceChanges,
        ResourceChanges pipeChanges,
        List<BuildError> errors) {
    public BuildResult {
        datasources = List.copyOf(datasources);
        pipes = List.copyOf(pipes);
        errors = List.copyOf(errors);
    }

    /** The {@code result} field. */
    public enum Status {
        SUCCESS("success"),
        NO_CHANGES("no_changes"),
        FAILED("failed");

        private final String apiName;

        Status(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    /** Names new, changed (different file text) and deleted against the previous build. */
    public record ResourceChanges(List<String> created, List<String> changed, List<String> deleted) {
        public static final ResourceChanges NONE = new ResourceChanges(List.of(), List.of(), List.of());

        public ResourceChanges {
            created = List.copyOf(created);
            changed = List.copyOf(changed);
            deleted = List.copyOf(deleted);
        }
    }

    static BuildResult failed(List<BuildError> errors) {
        return new BuildResult(
                Status.FAILED, null, List.of(), List.of(), ResourceChanges.NONE, ResourceChanges.NONE, errors);
    }

    public boolean succeeded() {
        return status != Status.FAILED;
    }
}
