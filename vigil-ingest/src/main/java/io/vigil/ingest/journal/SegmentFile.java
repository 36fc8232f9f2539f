package io.vigil.ingest.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Naming and file-system chores of segment files: {@code <base position, 20 digits>.log}, so that
 * names sort in position order and a segment's first position is known without reading it.
 */
final class SegmentFile {

    private static final Pattern NAME = Pattern.compile("(\\d{20})\\.log");

    private SegmentFile() {
    }

    static Path path(Path directory, long basePosition) {
        return directory.resolve(String.format("%020d.log", basePosition));
    }

    /** Base positions of the segment files in {@code directory}, ascending; other files are ignored. */
    static List<Long> list(Path directory) throws IOException {
        List<Long> bases = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches()) {
                    bases.add(Long.parseLong(m.group(1)));
                }
            }
        }
        bases.sort(null);
        return bases;
    }

    static FileChannel openForReading(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    static FileChannel openForAppending(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.WRITE);
    }

    /**
     * Creates an empty segment file and makes its directory entry durable: without the directory
     * sync a crash could lose the whole file even though its data had been forced.
     */
    static FileChannel create(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            syncDirectory(file.getParent());
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
