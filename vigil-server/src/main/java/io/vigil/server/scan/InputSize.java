package io.vigil.server.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The bytes a scan will read from disk (before unwrapping archives), for its progress bar. */
final class InputSize {

    private InputSize() {
    }

    static long of(List<Path> paths) {
        long total = 0;
        for (Path p : paths) {
            total += size(p);
        }
        return total;
    }

    private static long size(Path path) {
        if (!Files.isDirectory(path)) {
            return sizeOfFile(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(InputSize::sizeOfFile).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0; // the walk itself reports unreadable folders; progress just shows less
        }
    }

    private static long sizeOfFile(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
