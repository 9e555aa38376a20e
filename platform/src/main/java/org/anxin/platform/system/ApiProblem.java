package org.anxin.platform.system;

import org.springframework.http.HttpStatus;

/**
 * An error a user can cause, answered as RFC 9457 problem details with a clear message.
 * Modules throw it; {@link ProblemAdvice} turns it into the response.
 */
public final class ApiProblem extends RuntimeException {
    private final HttpStatus status;

    private ApiProblem(HttpStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, detail);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, detail);
    }

    public HttpStatus status() {
        return status;
    }
}
