package io.vigil.ingest.container;

/** Entries archivers add that are never event data: macOS resource forks ({@code __MACOSX/}, {@code ._name}). */
final class ArchiveNoise {

    private ArchiveNoise() {
    }

    static boolean isNoise(String entryName) {
        String name = entryName.replace('\\', '/');
        int slash = name.lastIndexOf('/');
        String base = name.substring(slash + 1);
        return name.startsWith("__MACOSX/") || name.contains("/__MACOSX/") || base.startsWith("._") || base.isEmpty();
    }
}
