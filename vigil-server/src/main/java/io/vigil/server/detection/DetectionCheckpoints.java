package io.vigil.server.detection;

import io.vigil.engine.embedded.EmbeddedEngine;
import io.vigil.store.checkpoints.Checkpoint;
import io.vigil.store.checkpoints.CheckpointRepository;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine snapshots in the store, each with the journal position it resumes from and a fingerprint of
 * the detector settings it was taken under: a snapshot is only restored into an engine built from the
 * same settings (other settings may judge the same events differently, so they replay the journal).
 */
final class DetectionCheckpoints {

    /** Snapshots kept: the newest restores; older ones only cover a snapshot that turns out unreadable. */
    static final int KEPT = 3;
    private static final Logger log = LoggerFactory.getLogger(DetectionCheckpoints.class);

    private final CheckpointRepository repository;

    DetectionCheckpoints(CheckpointRepository repository) {
        this.repository = repository;
    }

    /** What was restored: the journal position to read from, and the snapshot it came from. */
    record Restored(long position, Checkpoint checkpoint, int keys) {
    }

    static String fingerprint(Map<String, String> settings) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(settings).forEach((name, value) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(value.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    void save(long nextPosition, String fingerprint, byte[] engineState) {
        byte[] print = fingerprint.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer envelope = ByteBuffer.allocate(1 + print.length + engineState.length);
        envelope.put((byte) print.length).put(print).put(engineState);
        repository.save(nextPosition, envelope.array());
        repository.retainLatest(KEPT);
    }

    /**
     * Restores the newest snapshot into {@code engine} when it was taken under these settings and the
     * journal still holds everything after it ({@code [firstPosition, nextPosition]}).
     */
    Optional<Restored> restoreInto(EmbeddedEngine engine, String fingerprint, long firstPosition, long nextPosition) {
        Optional<Checkpoint> latest = repository.latest();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Checkpoint checkpoint = latest.get();
        long position = checkpoint.journalPosition();
        if (position < firstPosition || position > nextPosition) {
            log.warn("detector snapshot {} resumes at journal position {}, outside what the journal holds [{}, {}]; "
                    + "replaying the journal instead", checkpoint.snapshotId(), position, firstPosition, nextPosition);
            return Optional.empty();
        }
        ByteBuffer envelope = ByteBuffer.wrap(checkpoint.state());
        try {
            byte[] print = new byte[envelope.get()];
            envelope.get(print);
            if (!new String(print, StandardCharsets.US_ASCII).equals(fingerprint)) {
                log.info("detector settings changed since snapshot {}; replaying the journal", checkpoint.snapshotId());
                return Optional.empty();
            }
            byte[] state = new byte[envelope.remaining()];
            envelope.get(state);
            return Optional.of(new Restored(position, checkpoint, engine.restore(state)));
        } catch (RuntimeException e) {
            log.warn("detector snapshot {} cannot be restored ({}); replaying the journal", checkpoint.snapshotId(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
