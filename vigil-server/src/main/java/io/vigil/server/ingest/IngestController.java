package io.vigil.server.ingest;

import io.vigil.server.security.AdminAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events}: a batch of events as JSON lines or Windows event XML, plain or
 * gzip-compressed. The batch is decoded once to refuse malformed input with its errors, written to
 * the durable journal, and only then acknowledged (202 with the journal position): a crash after the
 * answer loses nothing. When the engine falls behind and the journal's bound is reached the answer
 * is 503 with Retry-After, never unbounded memory.
 */
@RestController
@RequestMapping("/api/v1/events")
class IngestController {

    static final int MAX_BODY_BYTES = 16 << 20;
    private static final Set<String> ACCEPTED_TYPES = Set.of("application/x-ndjson", "application/jsonl",
            "application/json", "application/xml", "text/xml", "text/plain", "application/gzip");
    private static final int RETRY_AFTER_SECONDS = (int) EventIntake.BUSY_WINDOW.toSeconds();

    private final EventIntake intake;

    IngestController(EventIntake intake) {
        this.intake = intake;
    }

    @PostMapping
    @AdminAccess
    ResponseEntity<?> receive(HttpServletRequest request, Principal principal) throws IOException {
        String type = mediaType(request.getContentType());
        if (type == null || !ACCEPTED_TYPES.contains(type)) {
            intake.refused(SourceKind.HTTP, "unsupported-type", 1);
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type",
                    "send application/x-ndjson (JSON lines), application/json or application/xml (Windows event XML), "
                            + "optionally with Content-Encoding: gzip", Map.of());
        }
        byte[] body = readBounded(request.getInputStream());
        if (body == null) {
            intake.refused(SourceKind.HTTP, "too-large", 1);
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Batch too large",
                    "a batch may hold at most " + MAX_BODY_BYTES + " bytes; send smaller batches", Map.of());
        }
        String source = SourceKind.HTTP.source(request.getRemoteAddr() + (principal == null ? "" : ":" + principal.getName()));
        EventIntake.Outcome outcome = intake.accept(SourceKind.HTTP, source, body);
        if (outcome instanceof EventIntake.Malformed malformed) {
            EventBatchCheck.Result checked = malformed.check();
            return problem(HttpStatus.BAD_REQUEST, "Malformed events",
                    checked.events() == 0 && checked.errors() == 0 ? "the batch holds no events"
                            : checked.errors() + " record(s) could not be decoded; nothing was accepted",
                    Map.of("errors", checked.firstErrors()));
        }
        if (outcome instanceof EventIntake.Busy) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
                    .body(problemBody(HttpStatus.SERVICE_UNAVAILABLE, "Busy",
                            "detection is behind; retry after " + RETRY_AFTER_SECONDS + " s", Map.of()));
        }
        EventIntake.Accepted accepted = (EventIntake.Accepted) outcome;
        return ResponseEntity.accepted().body(Map.of("events", accepted.events(), "position", accepted.position()));
    }

    /** The body, or null when it exceeds the bound (never buffered beyond it). */
    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
            Map<String, Object> properties) {
        return ResponseEntity.status(status).body(problemBody(status, title, detail, properties));
    }

    private static ProblemDetail problemBody(HttpStatus status, String title, String detail,
            Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        properties.forEach(problem::setProperty);
        return problem;
    }
}
