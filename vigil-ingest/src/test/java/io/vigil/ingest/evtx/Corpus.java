package io.vigil.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The shared corpus of real logs: system property {@code vigil.corpus}, else VIGIL_CORPUS, else ../shared/data. */
final class Corpus {

    static final List<String> EVTX_FOLDERS =
            List.of("evtx-attack-samples", "deepbluecli", "yamato-samples", "sigma/regression_data");

    private Corpus() {
    }

    static Path root() {
        Path root = configured(System.getProperty("vigil.corpus"));
        if (root == null) {
            root = configured(System.getenv("VIGIL_CORPUS"));
        }
        if (root == null) {
            // Surefire runs in the module directory; the corpus sits beside the project root
            root = Path.of("").toAbsolutePath().getParent().resolve("../shared/data").normalize();
        }
        assertThat(root).as("EVTX corpus (set -Dvigil.corpus or VIGIL_CORPUS)").isDirectory();
        return root;
    }

    private static Path configured(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? null : Path.of(value);
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
