package io.vigil.server.api;

import io.vigil.store.AlreadyExistsException;
import io.vigil.store.NotFoundException;
import io.vigil.store.StaleVersionException;
import java.util.Collection;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error of the API into an RFC 9457 problem detail ({@code application/problem+json})
 * that says what was wrong in the client's own terms: the parameter, the field, the line and column.
 * Spring MVC's own errors (405, 406, 415, missing parameters, unknown paths …) come through the base
 * class; the overrides below only make their messages clearer. Never a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler({ResourceNotFoundException.class, NotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ApiProblems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(StaleVersionException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.CONFLICT, "Changed by someone else",
                e.getMessage() + "; read it again and reapply your change");
        problem.setProperty("currentVersion", e.actualVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag(Versions.etag(e.actualVersion())).body(problem);
    }

    @ExceptionHandler(AlreadyExistsException.class)
    ProblemDetail alreadyExists(AlreadyExistsException e) {
        return ApiProblems.of(HttpStatus.CONFLICT, "Already exists", e.getMessage());
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ProblemDetail preconditionRequired(PreconditionRequiredException e) {
        return ApiProblems.of(HttpStatus.PRECONDITION_REQUIRED, "Version required", e.getMessage());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ProblemDetail bodyTooLarge(BodyTooLargeException e) {
        return ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", e.getMessage());
    }

    /** Anything unexpected: logged here with its trace, answered without one. */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security's filters answer these with 401 / 403
        }
        log.error("unexpected error answering an API request", e);
        return ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the server could not complete the request; the details are in its log");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = cause(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return problem(ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", tooLarge.getMessage()),
                    headers, request, e);
        }
        return problem(ApiProblems.of(HttpStatus.BAD_REQUEST, "Unreadable request body", unreadable(e)), headers,
                request, e);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = e.getContentType() == null ? "no Content-Type" : "Content-Type " + e.getContentType();
        String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", "));
        return problem(ApiProblems.of(status, "Unsupported content type",
                sent + " is not accepted here; send " + (supported.isEmpty() ? "application/json" : supported)),
                headers, request, e);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, "Invalid request",
                name + " must be " + expected(e.getRequiredType()) + ", was '" + e.getValue() + "'");
        problem.setProperty("field", name);
        return problem(problem, headers, request, e);
    }

    private ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers, WebRequest request, Exception e) {
        return handleExceptionInternal(e, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static String unreadable(HttpMessageNotReadableException e) {
        UnrecognizedPropertyException unknown = cause(e, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return "unknown field '" + unknown.getPropertyName() + "'" + known(unknown.getKnownPropertyIds());
        }
        MismatchedInputException mismatch = cause(e, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            return "field '" + path(mismatch) + "' has the wrong type: " + mismatch.getOriginalMessage();
        }
        StreamReadException syntax = cause(e, StreamReadException.class);
        if (syntax != null) {
            TokenStreamLocation at = syntax.getLocation();
            return "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + syntax.getOriginalMessage();
        }
        JacksonException other = cause(e, JacksonException.class);
        if (other != null) {
            return "the body does not fit this request: " + other.getOriginalMessage();
        }
        return "this request needs a JSON body";
    }

    private static String known(Collection<Object> names) {
        return names == null || names.isEmpty() ? ""
                : "; known fields: " + names.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 time such as 2026-01-31T09:00:00Z";
        }
        return type == null ? "a valid value" : "a " + type.getSimpleName();
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
