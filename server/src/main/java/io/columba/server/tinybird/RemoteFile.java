package io.columba.server.tinybird;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** A file the Data Sources API imports from a URL: downloaded whole to disk first, so memory stays bounded. */
final class RemoteFile {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    private RemoteFile() {}

    /** Downloads {@code uri} into a new file of {@code folder}; fails unless the server answers 200. */
    static Path download(URI uri, Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, "import-", ".part");
        try {
            HttpResponse<Path> response = CLIENT.send(
                    HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(
                            file,
                            java.nio.file.StandardOpenOption.WRITE,
                            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING));
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
            }
            return file;
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The downloaded file, gunzipped when it starts with gzip's magic bytes. */
    static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b
                ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16)
                : in;
    }

    /** The last segment of the URL's path, lower case and without {@code .gz}, for telling the format. */
    static String baseName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return last.endsWith(".gz") ? last.substring(0, last.length() - 3) : last;
    }
}
