package io.columba.workspace.datafile;

import java.util.List;

/**
 * A parsed {@code .pipe} file: its name (the file's base name), description (null when absent), nodes in file
 * order, {@code TOKEN} lines and {@code TAGS}.
 */
public record PipeDefinition(
        String name, String description, List<PipeNode> nodes, List<ResourceToken> tokens, List<String> tags) {
    public PipeDefinition {
        nodes = List.copyOf(nodes);
        tokens = List.copyOf(tokens);
        tags = List.copyOf(tags);
    }

    /**
     * The pipe's type as Tinybird reports it: that of its typed node ({@code endpoint}, {@code materialized},
     * {@code copy}, {@code sink}), or {@code default} when no node has a TYPE.
     */
    public String type() {
        PipeNode typed = typedNode();
        return typed == null ? "default" : typed.type().apiName();
    }

    /** The node with a TYPE line, or null. */
    public PipeNode typedNode() {
        for (PipeNode node : nodes) {
            if (node.type() != NodeType.STANDARD) {
                return node;
            }
        }
        return null;
    }

    /** The node marked {@code TYPE endpoint}, or null when the pipe is not an API endpoint. */
    public PipeNode endpointNode() {
        PipeNode typed = typedNode();
        return typed != null && typed.type() == NodeType.ENDPOINT ? typed : null;
    }

    /**
     * The node whose result the pipe's name stands for when another pipe reads it as a table: the typed node, or the
     * last node of a pipe without one.
     */
    public PipeNode outputNode() {
        PipeNode typed = typedNode();
        return typed != null ? typed : nodes.get(nodes.size() - 1);
    }

    /** The node called {@code name}, or null. */
    public PipeNode node(String name) {
        for (PipeNode node : nodes) {
            if (node.name().equals(name)) {
                return node;
            }
        }
        return null;
    }
}
