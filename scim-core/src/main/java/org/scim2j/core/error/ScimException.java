package org.scim2j.core.error;

import org.scim2j.filter.FilterParseException;

/**
 * A SCIM protocol error: an HTTP status, an optional {@link ScimType} and a detail a client can act on. It is
 * unchecked so that repositories, visitors and lambdas need no {@code throws}. The servlet writes it as the Error
 * response of RFC 7644 §3.12 ({@link #toErrorResponse()}); anything that is not a {@code ScimException} becomes a 500
 * whose detail says nothing about internals.
 *
 * <pre>{@code
 *   throw ScimException.uniqueness("userName 'bjensen' is already taken");
 *   throw ScimException.notFound("User", id);
 * }</pre>
 */
public class ScimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ScimType scimType;
    private final String detail;

    /**
     * @param status   the HTTP status (300-599)
     * @param scimType the keyword, or {@code null}
     * @param detail   the message for the client
     */
    public ScimException(int status, ScimType scimType, String detail) {
        this(status, scimType, detail, null);
    }

    /**
     * @param status   the HTTP status (300-599)
     * @param scimType the keyword, or {@code null}
     * @param detail   the message for the client
     * @param cause    the underlying cause, kept for logs, never shown to the client
     */
    public ScimException(int status, ScimType scimType, String detail, Throwable cause) {
        super(detail, cause);
        if (status < 300 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.scimType = scimType;
        this.detail = detail;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The {@code scimType} keyword, or {@code null}. */
    public ScimType scimType() {
        return scimType;
    }

    /** The detail for the client. */
    public String detail() {
        return detail;
    }

    /** The Error response body for this exception. */
    public ErrorResponse toErrorResponse() {
        return new ErrorResponse(status, scimType, detail);
    }

    /** 400 with a keyword. */
    public static ScimException badRequest(ScimType scimType, String detail) {
        return new ScimException(400, scimType, detail);
    }

    /** 400 {@code invalidFilter}. */
    public static ScimException invalidFilter(String detail) {
        return badRequest(ScimType.INVALID_FILTER, detail);
    }

    /** 400 {@code invalidFilter} for a filter that does not parse, keeping the position in the detail. */
    public static ScimException invalidFilter(FilterParseException e) {
        return new ScimException(400, ScimType.INVALID_FILTER,
                "invalid filter '" + e.input() + "' at position " + e.position() + ": " + e.reason(), e);
    }

    /** 400 {@code invalidPath} for a PATCH path that does not parse. */
    public static ScimException invalidPath(FilterParseException e) {
        return new ScimException(400, ScimType.INVALID_PATH,
                "invalid path '" + e.input() + "' at position " + e.position() + ": " + e.reason(), e);
    }

    /** 400 {@code invalidPath}. */
    public static ScimException invalidPath(String detail) {
        return badRequest(ScimType.INVALID_PATH, detail);
    }

    /** 400 {@code invalidSyntax}. */
    public static ScimException invalidSyntax(String detail) {
        return badRequest(ScimType.INVALID_SYNTAX, detail);
    }

    /** 400 {@code invalidValue}. */
    public static ScimException invalidValue(String detail) {
        return badRequest(ScimType.INVALID_VALUE, detail);
    }

    /** 400 {@code noTarget}. */
    public static ScimException noTarget(String detail) {
        return badRequest(ScimType.NO_TARGET, detail);
    }

    /** 400 {@code mutability}. */
    public static ScimException mutability(String detail) {
        return badRequest(ScimType.MUTABILITY, detail);
    }

    /** 400 {@code tooMany}. */
    public static ScimException tooMany(String detail) {
        return badRequest(ScimType.TOO_MANY, detail);
    }

    /** 403 {@code sensitive}. RFC 7644 §3.12 lists it with status 403. */
    public static ScimException sensitive(String detail) {
        return new ScimException(403, ScimType.SENSITIVE, detail);
    }

    /** 409 {@code uniqueness}. */
    public static ScimException uniqueness(String detail) {
        return new ScimException(409, ScimType.UNIQUENESS, detail);
    }

    /** 404 for a resource that does not exist. */
    public static ScimException notFound(String resourceType, String id) {
        return new ScimException(404, null, resourceType + " '" + id + "' not found");
    }

    /** 404 with a free detail. */
    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    /** 412 for a failed {@code If-Match} precondition (RFC 7644 §3.14). */
    public static ScimException preconditionFailed(String detail) {
        return new ScimException(412, null, detail);
    }

    /** 413 for a request body or bulk request over the configured limit. */
    public static ScimException payloadTooLarge(String detail) {
        return new ScimException(413, null, detail);
    }

    /** 409 for a conflicting concurrent change that could not be resolved. */
    public static ScimException conflict(String detail) {
        return new ScimException(409, null, detail);
    }

    /** 501 for an operation this service provider does not implement. */
    public static ScimException notImplemented(String detail) {
        return new ScimException(501, null, detail);
    }

    /** 401 for a request without valid credentials (RFC 7644 §3.12, RFC 9110 §15.5.2). */
    public static ScimException unauthorized(String detail) {
        return new ScimException(401, null, detail);
    }

    /** 403 for credentials that may not do what was asked (RFC 7644 §3.12). */
    public static ScimException forbidden(String detail) {
        return new ScimException(403, null, detail);
    }

    /** 406 for an {@code Accept} header that excludes the SCIM media types (RFC 7644 §3.8). */
    public static ScimException notAcceptable(String detail) {
        return new ScimException(406, null, detail);
    }

    /** 415 for a request body that is not JSON (RFC 7644 §3.8). */
    public static ScimException unsupportedMediaType(String detail) {
        return new ScimException(415, null, detail);
    }

    /** 500 with a generic detail; the cause is for the log only. */
    public static ScimException internal(Throwable cause) {
        return new ScimException(500, null, "the service provider failed to process the request", cause);
    }
}
