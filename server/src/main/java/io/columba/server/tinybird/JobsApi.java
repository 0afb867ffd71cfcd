package io.columba.server.tinybird;

import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.workspace.job.Job;
import io.columba.workspace.job.Jobs;
import io.columba.workspace.token.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Jobs API: {@code GET /v0/jobs} (the last {@value #LISTED} jobs, newest first, filtered by {@code kind},
 * {@code status}, {@code pipe_name}, {@code pipe_id}), {@code GET /v0/jobs/<id>} (Tinybird's job JSON, 404 for an
 * unknown id) and {@code POST /v0/jobs/<id>/cancel} (a waiting job is cancelled; 400 once it started). Listing needs
 * the ADMIN scope; a job's id is enough to read or cancel it, as the token that started it may be scoped.
 */
final class JobsApi {
    static final String PREFIX = "/v0/jobs";
    static final int LISTED = 100;

    private final Jobs jobs;

    JobsApi(Jobs jobs) {
        this.jobs = jobs;
    }

    static boolean matches(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** The base of job URLs: {@code http://<Host header>}, or nothing when the request names no host. */
    static String baseUrl(ApiRequest request) {
        String host = request.header("Host");
        return host == null || host.isBlank() ? "" : "http://" + host;
    }

    ApiResponse handle(ApiRequest request, Token token) {
        String rest = request.path().substring(PREFIX.length());
        if (rest.isEmpty() || rest.equals("/")) {
            return request.isGet() ? list(request, token) : TinybirdApi.methodNotAllowed(request);
        }
        String[] pieces = rest.substring(1).split("/");
        Optional<Job> job = jobs.job(pieces[0]);
        if (job.isEmpty() || pieces.length > 2 || pieces.length == 2 && !pieces[1].equals("cancel")) {
            return ApiResponse.jsonError(404, "Job '" + pieces[0] + "' not found");
        }
        if (pieces.length == 1) {
            return request.isGet()
                    ? ApiResponse.json(200, job.get().toJson(baseUrl(request)))
                    : TinybirdApi.methodNotAllowed(request);
        }
        if (!request.method().equals("POST")) {
            return TinybirdApi.methodNotAllowed(request);
        }
        if (!job.get().cancel()) {
            return ApiResponse.jsonError(
                    400,
                    "Job '" + pieces[0] + "' is " + job.get().status().apiName()
                            + ": only a waiting job can be cancelled");
        }
        return ApiResponse.json(200, job.get().toJson(baseUrl(request)));
    }

    private ApiResponse list(ApiRequest request, Token token) {
        if (!token.isAdmin()) {
            return ApiResponse.jsonError(403, "Listing jobs needs the workspace's ADMIN token");
        }
        Map<String, List<String>> parameters = RequestParameters.all(request);
        String kind = RequestParameters.first(parameters, "kind");
        String status = RequestParameters.first(parameters, "status");
        String pipeName = RequestParameters.first(parameters, "pipe_name");
        String pipeId = RequestParameters.first(parameters, "pipe_id");
        String base = baseUrl(request);
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Job job : jobs.list()) {
            if (listed.size() == LISTED) {
                break;
            }
            boolean matches = (kind == null || kind.equals(job.kind()))
                    && (status == null || status.equals(job.status().apiName()))
                    && (pipeName == null || pipeName.equals(job.described("pipe_name")))
                    && (pipeId == null || pipeId.equals(job.described("pipe_id")));
            if (matches) {
                listed.add(job.toJson(base));
            }
        }
        return ApiResponse.json(200, Map.of("jobs", listed));
    }
}
