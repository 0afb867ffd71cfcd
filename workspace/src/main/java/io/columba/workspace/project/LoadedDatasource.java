package io.columba.workspace.project;

import java.nio.file.Path;

/**
 * What loading a project did with one data source: whether its table was created now (false: it existed and kept
 * its data), and the fixture appended to it ({@code fixture} null and {@code fixtureRows} 0 when none was).
 */
public record LoadedDatasource(String name, boolean created, Path fixture, long fixtureRows) {}
