package io.vigil.server.ingest.folder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The watched folder: files are dropped at its top level, and leave it for {@code processed/} once
 * journaled or for {@code failed/} with a {@code name.error.txt} saying why. Hidden files and
 * {@code *.part} files (still being written) are left alone, and so are sub-folders.
 */
final class InboxFolder {

    static final String PARTIAL_SUFFIX = ".part";

    private final Path inbox;
    private final Path processed;
    private final Path failed;

    InboxFolder(Path inbox) throws IOException {
        this.inbox = inbox;
        this.processed = inbox.resolve("processed");
        this.failed = inbox.resolve("failed");
        Files.createDirectories(processed);
        Files.createDirectories(failed);
    }

    Path path() {
        return inbox;
    }

    List<StableFiles.Look> look() throws IOException {
        List<StableFiles.Look> looks = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(PARTIAL_SUFFIX)) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException gone) {
                    continue; // renamed or deleted between listing and looking
                }
                if (attributes.isRegularFile()) {
                    looks.add(new StableFiles.Look(entry, attributes.size(), attributes.lastModifiedTime()));
                }
            }
        }
        return looks;
    }

    Path moveToProcessed(Path file) throws IOException {
        return moveInto(processed, file);
    }

    Path moveToFailed(Path file, String reason) throws IOException {
        Path moved = moveInto(failed, file);
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".error.txt"), reason + "\n", StandardCharsets.UTF_8);
        return moved;
    }

    /** Moves keeping the name, or the name with a numeric suffix when a file of that name was moved before. */
    private static Path moveInto(Path folder, Path file) throws IOException {
        String name = file.getFileName().toString();
        for (int attempt = 0; ; attempt++) {
            Path target = folder.resolve(attempt == 0 ? name : name + "." + attempt);
            try {
                return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // try the next suffix
            } catch (IOException e) {
                if (!Files.exists(target)) {
                    throw e;
                }
            }
        }
    }
}
