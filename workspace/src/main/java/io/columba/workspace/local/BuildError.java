package io.columba.workspace.local;

/** Why a build failed, by file: {@code filename} is the project path of the file at fault, or null. */
public record BuildError(String filename, String error) {}
