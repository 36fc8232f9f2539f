package io.vigil.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The EVTX files of the shared corpus (found by {@link io.vigil.ingest.testsupport.Corpus}). */
final class Corpus {

    static final List<String> EVTX_FOLDERS =
            List.of("evtx-attack-samples", "deepbluecli", "yamato-samples", "sigma/regression_data");

    private Corpus() {
    }

    static Path root() {
        return io.vigil.ingest.testsupport.Corpus.root();
    }

    /** Every EVTX file of the four EVTX folders, sorted by path. */
    static List<Path> evtxFiles() {
        Path root = root();
        return EVTX_FOLDERS.stream()
                .map(root::resolve)
                .peek(folder -> assertThat(folder).as("corpus folder").isDirectory())
                .flatMap(Corpus::walk)
                .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".evtx"))
                .sorted()
                .toList();
    }

    static String relative(Path file) {
        return root().relativize(file).toString().replace('\\', '/');
    }

    private static Stream<Path> walk(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
