package io.vigil.ingest.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * Rebuilds the segment catalog when the journal opens, by scanning every segment: each frame's
 * checksum is verified and the sparse indexes are filled. The cost is one sequential read of the
 * retained data (bounded by what the consumer has not truncated).
 *
 * <p>Damage followed by a valid frame is corruption: it is reported and left in place (readers skip
 * it too). Damage at the end of the last segment, with no valid frame after it, is the unfinished
 * write of a crash: it is cut, so the next append starts on a clean frame boundary. Damage at the end
 * of an older segment cannot be a torn write (a segment is forced before the next one is created), so
 * it is reported as corruption and the file is not changed.
 */
final class JournalRecovery {

    record Result(SegmentCatalog catalog, RecoveryReport report) {
    }

    private final JournalConfig config;
    private long records;
    private long tornTailBytes;
    private int corruptRegions;

    private JournalRecovery(JournalConfig config) {
        this.config = config;
    }

    static Result recover(JournalConfig config) throws IOException {
        return new JournalRecovery(config).run();
    }

    private Result run() throws IOException {
        Path directory = config.directory();
        SegmentCatalog catalog = new SegmentCatalog();
        List<Long> bases = SegmentFile.list(directory);
        if (bases.isEmpty()) {
            Path file = SegmentFile.path(directory, 0);
            SegmentFile.create(file).close();
            catalog.add(new Segment(0, file, 0));
        }
        long journalOffset = 0;
        long previousNext = -1;
        for (int i = 0; i < bases.size(); i++) {
            long base = bases.get(i);
            if (base < previousNext) {
                throw new IOException("segment " + SegmentFile.path(directory, base)
                        + " starts at position " + base + " but the segment before it reaches " + previousNext);
            }
            Segment segment = new Segment(base, SegmentFile.path(directory, base), journalOffset);
            scan(segment, i == bases.size() - 1);
            catalog.add(segment);
            journalOffset += segment.durableBytes();
            previousNext = segment.nextPosition();
        }
        RecoveryReport report = new RecoveryReport(bases.isEmpty() ? 1 : bases.size(), records, tornTailBytes,
                corruptRegions, catalog.first().basePosition(), catalog.last().nextPosition());
        return new Result(catalog, report);
    }

    private void scan(Segment segment, boolean last) throws IOException {
        long fileSize;
        long validEnd = 0;
        long next = segment.basePosition();
        try (FileChannel channel = SegmentFile.openForReading(segment.file())) {
            fileSize = channel.size();
            FrameScanner scanner = new FrameScanner(new ReadWindow(channel, segment.file()), 0,
                    segment.basePosition() - 1, config.maxRecordBytes());
            for (FrameScanner.Step step = scanner.next(fileSize); step != FrameScanner.End.INSTANCE;
                    step = scanner.next(fileSize)) {
                if (step instanceof FrameScanner.Frame frame) {
                    segment.index().frameAt(frame.position(), frame.offset());
                    records++;
                    validEnd = frame.endOffset();
                    next = frame.position() + 1;
                } else if (step instanceof FrameScanner.Damage damage && !(last && damage.reachesLimit())) {
                    corruptRegions++;
                    config.corruptionListener().onCorruption(new CorruptRegion(segment.file(), damage.offset(),
                            damage.length(), damage.reason(), damage.firstLost(), damage.resumePosition()));
                }
            }
        }
        if (!last) {
            segment.published(fileSize, next);
            segment.seal();
            return;
        }
        if (validEnd < fileSize) {
            cutTornTail(segment.file(), validEnd, fileSize - validEnd);
            tornTailBytes += fileSize - validEnd;
        }
        segment.published(validEnd, next);
    }

    private static void cutTornTail(Path file, long validEnd, long bytes) throws IOException {
        try (FileChannel channel = SegmentFile.openForAppending(file)) {
            channel.truncate(validEnd);
            channel.force(true);
        }
        System.getLogger(Journal.class.getName()).log(System.Logger.Level.INFO,
                "journal: cut the unfinished write at the end of {0}: {1} bytes after offset {2}", file, bytes, validEnd);
    }
}
