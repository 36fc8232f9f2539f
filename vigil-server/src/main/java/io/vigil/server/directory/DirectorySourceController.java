package io.vigil.server.directory;

import io.vigil.model.directory.SyncMode;
import io.vigil.server.api.ApiValues;
import io.vigil.server.security.AdminAccess;
import io.vigil.server.security.ReaderAccess;
import java.security.Principal;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/integrations/directory/sources}: the Active Directory domains Vigil syncs. Admins
 * configure them (the bind password is write-only: answers say {@code passwordSet}), test them and
 * start syncs; everyone may read a source's sync status, failures included.
 */
@RestController
@RequestMapping("/api/v1/integrations/directory/sources")
class DirectorySourceController {

    private final DirectorySourceService sources;

    DirectorySourceController(DirectorySourceService sources) {
        this.sources = sources;
    }

    @GetMapping
    @AdminAccess
    List<DirectorySourceView> list() {
        return sources.list();
    }

    /** Creates a source and starts its first full sync; 409 when the domain has one. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AdminAccess
    ResponseEntity<DirectorySourceView> create(@RequestBody DirectorySourceRequest request, Principal user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(sources.create(request, user.getName()));
    }

    @GetMapping("/{id}")
    @AdminAccess
    DirectorySourceView get(@PathVariable("id") long id) {
        return sources.get(id);
    }

    /** Replaces the settings; leave {@code password} out to keep the stored one. */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AdminAccess
    DirectorySourceView replace(@PathVariable("id") long id, @RequestBody DirectorySourceRequest request,
                                Principal user) {
        return sources.replace(id, request, user.getName());
    }

    /** Deletes the source, its stored password and its domain's inventory. */
    @DeleteMapping("/{id}")
    @AdminAccess
    ResponseEntity<Void> delete(@PathVariable("id") long id) {
        sources.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Connects, binds and reads the root DSE and base DN, syncing nothing. */
    @PostMapping("/{id}/test")
    @AdminAccess
    ConnectionCheckView test(@PathVariable("id") long id) {
        return sources.test(id);
    }

    /**
     * Starts a sync in the background ({@code mode=incremental}, the default, falls back to full when
     * there is no inventory yet); 202 with the status to poll.
     */
    @PostMapping("/{id}/sync")
    @AdminAccess
    ResponseEntity<SyncStatusView> sync(@PathVariable("id") long id,
                                        @RequestParam(name = "mode", defaultValue = "incremental") String mode) {
        boolean full = ApiValues.parse(SyncMode.class, "mode", mode) == SyncMode.FULL;
        return ResponseEntity.accepted().body(sources.requestSync(id, full));
    }

    @GetMapping("/{id}/status")
    @ReaderAccess
    SyncStatusView status(@PathVariable("id") long id) {
        return sources.status(id);
    }
}
