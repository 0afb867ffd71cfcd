package io.columba.server;

import static io.columba.server.HttpTestClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Jobs API over imports from a URL (a real HTTP server in the test), uploads and deletes. */
class JobsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    Path dataDirectory;

    private final HttpTestClient http = new HttpTestClient();
    private IngestionServer server;
    private HttpServer files;

    @BeforeEach
    void start() throws IOException {
        server = new IngestionServer(dataDirectory, 100 << 20);
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/rows.csv", "id,client\n10,x\n11,y\n12,z\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("{\"id\":20}\n{\"id\":21}\n".getBytes(StandardCharsets.UTF_8));
        }
        serve("/rows.ndjson.gz", gz.toByteArray());
        files.start();
    }

    private void serve(String path, byte[] content) {
        files.createContext(path, exchange -> {
            exchange.sendResponseHeaders(200, content.length);
            exchange.getResponseBody().write(content);
            exchange.close();
        });
    }

    @AfterEach
    void stop() {
        files.stop(0);
        server.close();
    }

    private String fileUrl(String path) {
        return "http://127.0.0.1:" + files.getAddress().getPort() + path;
    }

    private HttpResponse<String> postForm(String pathAndQuery, String form) {
        return http.post(server.port(), pathAndQuery, form, "Authorization", server.bearer(), "Content-Type", FORM);
    }

    private JsonNode get(String pathAndQuery) throws IOException {
        HttpResponse<String> response = http.get(server.port(), pathAndQuery, "Authorization", server.bearer());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Polls the job until it finishes, as clients do. */
    private JsonNode finished(String id) throws IOException, InterruptedException {
        while (true) {
            JsonNode job = get("/v0/jobs/" + id);
            String status = job.get("status").asText();
            if (!status.equals("waiting") && !status.equals("working")) {
                return job;
            }
            Thread.sleep(20);
        }
    }

    @Test
    void importsACsvFromAUrlAsAJob() throws Exception {
        HttpResponse<String> response =
                postForm("/v0/datasources?name=numbered&mode=append", "url=" + encode(fileUrl("/rows.csv")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        String id = body.get("id").asText();
        assertThat(body.get("job_url").asText()).endsWith("/v0/jobs/" + id).startsWith("http://127.0.0.1:");
        assertThat(body.get("job").get("kind").asText()).isEqualTo("import");
        JsonNode job = finished(id);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("datasource").get("name").asText()).isEqualTo("numbered");
        assertThat(job.get("statistics").get("row_count").asLong()).isEqualTo(3);
        assertThat(job.get("url").asText()).isEqualTo(fileUrl("/rows.csv"));
        assertThat(server.sql(http, "SELECT id, client FROM numbered ORDER BY id"))
                .isEqualTo("10\tx\n11\ty\n12\tz\n");
        assertThat(
                        server.sql(
                                http,
                                "SELECT event_type, rows, job_id FROM tinybird.datasources_ops_log WHERE event_type = 'append'"))
                .isEqualTo("append\t3\t" + id + "\n");
    }

    @Test
    void importsGzippedNdjsonFromAUrlAndFailsTheJobOfAMissingFile() throws Exception {
        String gzipped = JSON.readTree(postForm(
                                "/v0/datasources?name=numbered&mode=append&format=ndjson",
                                "url=" + encode(fileUrl("/rows.ndjson.gz")))
                        .body())
                .get("id")
                .asText();
        String missing = JSON.readTree(
                        postForm("/v0/datasources?name=numbered&mode=append", "url=" + encode(fileUrl("/nothing.csv")))
                                .body())
                .get("id")
                .asText();

        assertThat(finished(gzipped).get("status").asText()).isEqualTo("done");
        JsonNode failed = finished(missing);
        assertThat(failed.get("status").asText()).isEqualTo("error");
        assertThat(failed.get("error").asText()).contains("404");
        assertThat(server.sql(http, "SELECT id FROM numbered ORDER BY id")).isEqualTo("20\n21\n");
    }

    @Test
    void refusesUrlsThatAreNotHttp() {
        HttpResponse<String> response =
                postForm("/v0/datasources?name=numbered&mode=append", "url=" + encode("file:///etc/passwd"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("http://");
    }

    @Test
    void uploadsAndDeletesAreFinishedJobsListedNewestFirst() throws Exception {
        HttpResponse<String> upload = http.post(
                server.port(),
                "/v0/datasources?name=numbered&mode=append",
                "1,a\n2,b\n",
                "Authorization",
                server.bearer());
        String importId = JSON.readTree(upload.body()).get("job_id").asText();
        HttpResponse<String> delete =
                postForm("/v0/datasources/numbered/delete", "delete_condition=" + encode("id = 1"));
        JsonNode deleteBody = JSON.readTree(delete.body());

        JsonNode imported = get("/v0/jobs/" + importId);
        assertThat(imported.get("kind").asText()).isEqualTo("import");
        assertThat(imported.get("status").asText()).isEqualTo("done");
        assertThat(imported.get("statistics").get("row_count").asLong()).isEqualTo(2);
        JsonNode deleted = get(deleteBody.get("job_url").asText().replaceFirst("^http://[^/]+", ""));
        assertThat(deleted.get("kind").asText()).isEqualTo("delete_data");
        assertThat(deleted.get("rows_affected").asLong()).isEqualTo(1);
        List<String> kinds = new ArrayList<>();
        get("/v0/jobs").get("jobs").forEach(job -> kinds.add(job.get("kind").asText()));
        assertThat(kinds).containsExactly("delete_data", "import");
        assertThat(get("/v0/jobs?kind=import").get("jobs")).hasSize(1);
        HttpResponse<String> cancel =
                http.post(server.port(), "/v0/jobs/" + importId + "/cancel", "", "Authorization", server.bearer());
        assertThat(cancel.statusCode()).isEqualTo(400);
        assertThat(http.get(server.port(), "/v0/jobs/nope", "Authorization", server.bearer())
                        .statusCode())
                .isEqualTo(404);
    }
}
