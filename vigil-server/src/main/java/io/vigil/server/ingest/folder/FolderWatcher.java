package io.vigil.server.ingest.folder;

import io.vigil.server.internal.BackgroundThreads;
import io.vigil.ingest.source.EventSources;
import io.vigil.server.config.ServerConfig;
import io.vigil.server.ingest.EventIntake;
import io.vigil.server.ingest.SourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ingests event files dropped into {@code --watch-dir}. The folder is polled rather than watched
 * with a WatchService: completeness is judged by the size staying the same between two looks, which
 * needs polling anyway, and polling works on network shares where file events do not. Files are taken
 * one at a time in name order; a file is moved out of the inbox only after its journal append
 * returned, so after a crash it is ingested again (at least once) and never lost.
 */
@Component
public class FolderWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);
    static final Duration POLL = Duration.ofMillis(500);

    private final ServerConfig config;
    private final EventIntake intake;
    private final StableFiles stableFiles = new StableFiles();
    private ScheduledExecutorService poller;
    private InboxFolder inbox;
    private DroppedFile droppedFile;
    private volatile boolean running;

    FolderWatcher(ServerConfig config, EventIntake intake) {
        this.config = config;
        this.intake = intake;
    }

    @Override
    public void start() {
        Path folder = config.ingest().watchDir();
        if (folder == null) {
            return;
        }
        try {
            inbox = new InboxFolder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the watched folder " + folder + ": " + e.getMessage(), e);
        }
        droppedFile = new DroppedFile(intake, EventSources.standard(), () -> running);
        running = true;
        poller = BackgroundThreads.scheduler("vigil-folder-watcher");
        poller.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        log.info("ingesting event files dropped into {}", folder.toAbsolutePath());
    }

    private void poll() {
        try {
            List<Path> ready = stableFiles.stable(inbox.look());
            Set<Path> handled = new HashSet<>();
            for (Path file : ready) {
                if (!running) {
                    return;
                }
                handle(file);
                handled.add(file);
            }
            stableFiles.forget(handled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the next poll tries again; a scheduled task that throws would never run again
            log.warn("watched folder {}: {}", inbox.path(), e.toString());
        }
    }

    private void handle(Path file) throws IOException, InterruptedException {
        DroppedFile.Outcome outcome;
        try {
            outcome = droppedFile.ingest(file);
        } catch (IOException e) {
            outcome = new DroppedFile.Outcome(0, "cannot read: " + e.getMessage());
        }
        if (outcome.failure() == null) {
            inbox.moveToProcessed(file);
            log.info("ingested {} events from {}", outcome.events(), file.getFileName());
        } else {
            intake.refused(SourceKind.FOLDER, "malformed", 1);
            inbox.moveToFailed(file, outcome.failure());
            log.warn("{} moved to failed/: {}", file.getFileName(), outcome.failure().lines().findFirst().orElse(""));
        }
    }

    /** The watched folder, or null when watching is off. */
    public Path folder() {
        return inbox == null ? null : inbox.path();
    }

    @Override
    public void stop() {
        running = false;
        if (poller != null) {
            poller.shutdown();
            try {
                poller.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
