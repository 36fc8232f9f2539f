package io.vigil.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Every EVTX file of the corpus's four EVTX folders, read into memory once, sorted by path. */
record EvtxCorpus(Path root, List<EvtxFile> files) {

    static final List<String> FOLDERS =
            List.of("evtx-attack-samples", "deepbluecli", "yamato-samples", "sigma/regression_data");

    record EvtxFile(Path path, String name, byte[] bytes) {
    }

    static EvtxCorpus load(Path root) {
        List<EvtxFile> files = FOLDERS.stream()
                .map(root::resolve)
                .flatMap(EvtxCorpus::walk)
                .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".evtx"))
                .sorted()
                .map(p -> new EvtxFile(p, root.relativize(p).toString(), read(p)))
                .toList();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no EVTX files under " + root + " " + FOLDERS);
        }
        return new EvtxCorpus(root, files);
    }

    long bytes() {
        return files.stream().mapToLong(f -> f.bytes().length).sum();
    }

    private static Stream<Path> walk(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("corpus folder missing: " + folder);
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
