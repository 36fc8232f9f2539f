package io.vigil.server.pam;

import io.vigil.integrations.pam.PamOutcome;
import io.vigil.server.security.AdminAccess;
import io.vigil.server.security.ReaderAccess;
import io.vigil.store.pam.PamAccount;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/integrations/pam/connections}: the CyberArk, BeyondTrust and Delinea vaults Vigil
 * works with. Readers see them and their status; only administrators add, change, test, sync or delete
 * them. Credentials go in, never out: a view says only whether one is set.
 */
@RestController
@RequestMapping("/api/v1/integrations/pam/connections")
class PamConnectionController {

    private final PamConnections connections;

    PamConnectionController(PamConnections connections) {
        this.connections = connections;
    }

    @GetMapping
    @ReaderAccess
    List<PamConnectionView> list() {
        return connections.list();
    }

    @GetMapping("/{id}")
    @ReaderAccess
    PamConnectionView get(@PathVariable("id") String id) {
        return connections.view(connections.get(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AdminAccess
    ResponseEntity<PamConnectionView> create(@RequestBody PamConnectionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(connections.view(connections.create(request)));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AdminAccess
    PamConnectionView update(@PathVariable("id") String id, @RequestBody PamConnectionRequest request) {
        return connections.view(connections.update(id, request));
    }

    @DeleteMapping("/{id}")
    @AdminAccess
    ResponseEntity<Void> delete(@PathVariable("id") String id) {
        connections.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Signs in and reads once; the answer is the vault's own message on failure. */
    @PostMapping("/{id}/test")
    @AdminAccess
    PamOutcome test(@PathVariable("id") String id) {
        return connections.test(id);
    }

    @PostMapping("/{id}/sync")
    @AdminAccess
    PamConnectionView sync(@PathVariable("id") String id) {
        return connections.view(connections.sync(id));
    }

    @GetMapping("/{id}/accounts")
    @ReaderAccess
    List<PamAccount> accounts(@PathVariable("id") String id) {
        return connections.accounts(id);
    }
}
