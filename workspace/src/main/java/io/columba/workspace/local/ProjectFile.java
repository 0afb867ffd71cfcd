package io.columba.workspace.local;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One file of a data project sent to a build: its path inside the project ({@code endpoints/top.pipe},
 * {@code fixtures/events.ndjson}, or just {@code top.pipe}) and its bytes.
 */
public record ProjectFile(String path, byte[] content) {
    public ProjectFile {
        path = path.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
    }

    public static ProjectFile of(String path, String text) {
        return new ProjectFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The file name without its folders. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The name a datafile defines: its file name without the extension. */
    public String resourceName() {
        String name = fileName();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    public boolean hasExtension(String extension) {
        return path.toLowerCase(Locale.ROOT).endsWith(extension);
    }

    /** A fixture: {@code fixtures/<datasource>.ndjson|.csv}, at the project root or under {@code datasources/}. */
    public boolean isFixture() {
        return (path.startsWith("fixtures/") || path.startsWith("datasources/fixtures/"))
                && (hasExtension(".ndjson") || hasExtension(".csv"));
    }

    /** A path that stays inside the project folder: relative, no {@code ..}, no empty parts. */
    public boolean isSafePath() {
        if (path.isEmpty() || path.startsWith("/") || path.contains(":")) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
