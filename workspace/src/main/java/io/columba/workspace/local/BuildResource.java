package io.columba.workspace.local;

/** A data source or pipe a build holds, with its type ({@code datasource}, {@code endpoint}, ...). */
public record BuildResource(String name, String type) {}
