package io.columba.server.tinybird;

import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.workspace.local.BuildError;
import io.columba.workspace.local.BuildResource;
import io.columba.workspace.local.BuildResult;
import io.columba.workspace.local.LocalWorkspace;
import io.columba.workspace.local.ProjectFile;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code POST /v1/build}, as {@code tb build} and the SDKs call Tinybird Local: a multipart body whose every file
 * part (named {@code data_project://}) is a datafile or fixture, its filename the path in the project. The project
 * replaces the workspace's ({@link LocalWorkspace#build}); the answer is {@code {"result": "success"|"no_changes",
 * "build": {...}}} or, with status 400, {@code {"result": "failed", "error", "errors": [{"filename", "error"}]}}.
 */
final class BuildEndpoint {
    static final String PATH = "/v1/build";

    ApiResponse handle(ApiRequest request, LocalWorkspace workspace) {
        if (!request.method().equals("POST")) {
            return ApiResponse.jsonError(405, "Method " + request.method() + " is not allowed on " + PATH);
        }
        if (!MultipartForm.isMultipart(request)) {
            return ApiResponse.jsonError(
                    400, "expected a multipart/form-data body with one 'data_project://' part per datafile");
        }
        List<ProjectFile> files = MultipartForm.read(request, parts -> {
            List<ProjectFile> read = new ArrayList<>();
            for (InterfaceHttpData part : parts) {
                if (part instanceof FileUpload upload) {
                    read.add(new ProjectFile(upload.getFilename(), upload.get()));
                }
            }
            return read;
        });
        BuildResult result = workspace.build(files);
        return ApiResponse.json(result.succeeded() ? 200 : 400, body(result));
    }

    private static Map<String, Object> body(BuildResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result.status().apiName());
        if (!result.succeeded()) {
            body.put("error", result.errors().stream().map(BuildEndpoint::line).collect(Collectors.joining("\n")));
            List<Map<String, Object>> errors = new ArrayList<>();
            for (BuildError error : result.errors()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("filename", error.filename());
                entry.put("error", error.error());
                errors.add(entry);
            }
            body.put("errors", errors);
            return body;
        }
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("id", result.id());
        build.put("datasources", resources(result.datasources()));
        build.put("pipes", resources(result.pipes()));
        build.put("new_pipe_names", result.pipeChanges().created());
        build.put("changed_pipe_names", result.pipeChanges().changed());
        build.put("deleted_pipe_names", result.pipeChanges().deleted());
        build.put("new_datasource_names", result.datasourceChanges().created());
        build.put("changed_datasource_names", result.datasourceChanges().changed());
        build.put("deleted_datasource_names", result.datasourceChanges().deleted());
        body.put("build", build);
        return body;
    }

    private static String line(BuildError error) {
        return error.filename() == null ? error.error() : error.filename() + ": " + error.error();
    }

    private static List<Map<String, String>> resources(List<BuildResource> resources) {
        List<Map<String, String>> list = new ArrayList<>();
        for (BuildResource resource : resources) {
            list.add(Map.of("name", resource.name(), "type", resource.type()));
        }
        return list;
    }
}
