package io.vigil.ingest.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared corpus of real logs: system property {@code vigil.corpus}, else environment
 * {@code VIGIL_CORPUS}, else {@code ../shared/data} next to the project. Tests fail, never skip, when
 * it is missing (DESIGN §6).
 */
public final class Corpus {

    private Corpus() {
    }

    public static Path root() {
        Path root = configured(System.getProperty("vigil.corpus"));
        if (root == null) {
            root = configured(System.getenv("VIGIL_CORPUS"));
        }
        if (root == null) {
            Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
            root = module.getParent().resolve("../shared/data").normalize();
        }
        assertThat(root).as("corpus folder (set -Dvigil.corpus or VIGIL_CORPUS)").isDirectory();
        return root;
    }

    public static Path file(String relative) {
        Path file = root().resolve(relative);
        assertThat(file).as("corpus file").exists();
        return file;
    }

    /** The non-blank lines of the first entry of a zipped recording, e.g. an OTRF Security Datasets file. */
    public static java.util.List<String> zippedLines(String relative) {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(file(relative)))) {
            assertThat(zip.getNextEntry()).as("first entry of " + relative).isNotNull();
            return new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path configured(String value) {
        // an unset Maven property arrives as its literal ${…} text
        if (value == null || value.isBlank() || value.startsWith("${")) {
            return null;
        }
        return Path.of(value);
    }

    public static boolean exists(Path path) {
        return Files.exists(path);
    }
}
