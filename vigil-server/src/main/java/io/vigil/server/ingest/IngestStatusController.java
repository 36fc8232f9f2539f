package io.vigil.server.ingest;

import io.vigil.server.ingest.IngestStatusService.IngestStatus;
import io.vigil.server.security.ReaderAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/ingest/status}: see {@link IngestStatusService}. */
@RestController
@RequestMapping("/api/v1/ingest/status")
class IngestStatusController {

    private final IngestStatusService status;

    IngestStatusController(IngestStatusService status) {
        this.status = status;
    }

    @GetMapping
    @ReaderAccess
    IngestStatus status() {
        return status.status();
    }
}
