package io.vigil.server.siem;

import io.vigil.server.api.Versions;
import io.vigil.server.security.AdminAccess;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/integrations/siem}: Settings > Integrations > SIEM. Exporters to Microsoft Sentinel,
 * CEF syslog collectors and webhooks; their delivery status (delivered, backlog, lag, last error);
 * "send a test alert". Admins only; secrets go in and never come out.
 */
@RestController
@RequestMapping("/api/v1/integrations/siem")
@AdminAccess
class SiemController {

    private final SiemExporterService service;

    SiemController(SiemExporterService service) {
        this.service = service;
    }

    @GetMapping
    List<SiemExporterView> list() {
        return service.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SiemExporterView> create(@RequestBody SiemExporterRequest request, Principal user) {
        SiemExporterView created = service.create(request, user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(created.version())).body(created);
    }

    @GetMapping("/{id}")
    ResponseEntity<SiemExporterView> get(@PathVariable("id") String id) {
        SiemExporterView view = service.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    /** Changes name, enabled, settings and (when sent) the secret, at the version read ({@code If-Match} or {@code version}). */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SiemExporterView> update(@PathVariable("id") String id,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @RequestBody SiemExporterRequest request, Principal user) {
        SiemExporterView view = service.update(id, ifMatch, request, user.getName());
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable("id") String id) {
        service.delete(id);
    }

    @GetMapping("/{id}/status")
    DeliveryStatusView status(@PathVariable("id") String id) {
        return service.status(id);
    }

    /** Sends a test alert now, straight to the SIEM; the answer says whether it was accepted, and if not why. */
    @PostMapping("/{id}/test")
    TestDeliveryView test(@PathVariable("id") String id) {
        return service.test(id);
    }
}
