package org.anxin.platform.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One operation of {@code /v3/api-docs} as the API fuzz needs it: method, path template, the
 * parameters with their schemas, and the request body's media types and schema (null: none).
 */
record ApiOperation(
        String method,
        String path,
        List<Parameter> parameters,
        List<String> bodyTypes,
        JsonNode bodySchema,
        boolean stream) {
    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    record Parameter(String name, String in, boolean required, JsonNode schema) {}

    /** Every operation of the document, in the document's order. */
    static List<ApiOperation> all(JsonNode docs) {
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                    operations.add(of(method.toUpperCase(Locale.ROOT), path.getKey(), operation));
                }
            }
        }
        return operations;
    }

    private static ApiOperation of(String method, String path, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode p : operation.path("parameters")) {
            parameters.add(new Parameter(
                    p.path("name").asString(),
                    p.path("in").asString(),
                    p.path("required").asBoolean(false),
                    p.path("schema")));
        }
        List<String> bodyTypes = new ArrayList<>();
        JsonNode bodySchema = null;
        for (Map.Entry<String, JsonNode> media :
                operation.path("requestBody").path("content").properties()) {
            bodyTypes.add(media.getKey());
            if (bodySchema == null || media.getKey().contains("json")) {
                bodySchema = media.getValue().path("schema");
            }
        }
        // an SseEmitter is not always documented as text/event-stream
        boolean stream = path.endsWith("/stream");
        for (JsonNode response : operation.path("responses")) {
            stream |= response.path("content").has("text/event-stream");
        }
        return new ApiOperation(method, path, parameters, bodyTypes, bodySchema, stream);
    }

    boolean webhook() {
        return path.startsWith("/twilio/");
    }

    /** Changes the caller's own account (its password): fuzzed last, so a lockout cannot hide later answers. */
    boolean touchesOwnAccount() {
        return path.startsWith("/api/me/");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
