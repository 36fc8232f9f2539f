package io.vigil.server.ingest.folder;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells which dropped files are completely written: those whose size and modification time did not
 * change between two looks. Writers that can should still write {@code name.part} and rename it when
 * done (atomic on one file system); size stability covers copies that cannot.
 */
final class StableFiles {

    record Look(Path file, long size, FileTime modified) {
    }

    private Map<Path, Look> previous = new HashMap<>();

    /** The files of {@code looks} that look the same as last time; forgets files that went away. */
    List<Path> stable(List<Look> looks) {
        Map<Path, Look> current = looks.stream().collect(Collectors.toMap(Look::file, l -> l, (a, b) -> b, HashMap::new));
        List<Path> stable = looks.stream().filter(look -> look.equals(previous.get(look.file()))).map(Look::file)
                .sorted().toList();
        previous = current;
        return stable;
    }

    /** Forgets files that were handled, so a new file of the same name is looked at twice again. */
    void forget(Set<Path> files) {
        files.forEach(previous::remove);
    }
}
