package io.vigil.ingest.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.ingest.container.ContainerLimits;
import io.vigil.ingest.container.CountingInputStream;
import io.vigil.ingest.container.ExpansionLimitException;
import io.vigil.ingest.container.GzipContainer;
import io.vigil.ingest.container.LimitedInputStream;
import io.vigil.ingest.container.TarContainer;
import io.vigil.ingest.container.ZipContainer;
import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.EventDecoder;
import io.vigil.ingest.decode.EventFilter;
import io.vigil.model.event.WindowsEvent;

/**
 * Reads event logs from files and folders: folders recursively in sorted order (so runs are
 * reproducible), every source sniffed by content ({@link FormatSniffer}), containers (zip, gzip, tar,
 * nested up to a depth) unwrapped into sources named {@code outer!inner}, and each event log handed to
 * the decoder for its format. Nothing a source contains stops the walk: unrecognised or unreadable
 * sources, missing decoders and corrupt archives are reported as {@link DecodeError}s and counted.
 *
 * <pre>{@code
 * EventSources sources = EventSources.standard();
 * WalkReport report = sources.walk(List.of(Path.of("logs")), EventFilter.ALL, listener);
 * }</pre>
 */
public final class EventSources {

    private static final int READ_BUFFER = 64 * 1024;

    private final Map<String, EventDecoder> decoders;
    private final ContainerLimits limits;
    private final FormatSniffer sniffer = new FormatSniffer();
    private final ZipContainer zip;
    private final TarContainer tar;
    private final GzipContainer gzip;

    /** @param decoders by {@link EventDecoder#format()}: {@code evtx}, {@code event-xml}, {@code json-lines} */
    public EventSources(Map<String, EventDecoder> decoders, ContainerLimits limits) {
        this.decoders = Map.copyOf(decoders);
        this.limits = limits;
        this.zip = new ZipContainer(limits);
        this.tar = new TarContainer(limits);
        this.gzip = new GzipContainer(limits);
    }

    /** JSON, event XML, EVTX when present, and plug-in decoders, with default limits. */
    public static EventSources standard() {
        return standard(ContainerLimits.DEFAULT);
    }

    public static EventSources standard(ContainerLimits limits) {
        return new EventSources(DecoderCatalog.standard(), limits);
    }

    /** The formats this instance can decode. */
    public Set<String> formats() {
        return decoders.keySet();
    }

    /** Reads files and folders (recursively), in the given order, folders' contents sorted by name. */
    public WalkReport walk(List<Path> paths, EventFilter filter, DecodeListener listener) {
        return walk(paths, filter, listener, ReadProgress.NONE);
    }

    /** As {@link #walk(List, EventFilter, DecodeListener)}, telling {@code progress} the file bytes read so far. */
    public WalkReport walk(List<Path> paths, EventFilter filter, DecodeListener listener, ReadProgress progress) {
        Walk walk = new Walk(filter, listener);
        walk.progress = progress;
        for (Path path : paths) {
            walk.path(path);
        }
        return new WalkReport(walk.stats);
    }

    /** Reads one stream (stdin, an upload) as a source of this name; the caller closes it. */
    public WalkReport read(String name, InputStream input, EventFilter filter, DecodeListener listener) {
        Walk walk = new Walk(filter, listener);
        try {
            walk.source(name, input, 0);
        } catch (AlreadyReported e) {
            // counted where it happened
        } catch (IOException e) {
            walk.fail(name, "unknown", SkipReason.UNREADABLE, "cannot read: " + e.getMessage());
        }
        return new WalkReport(walk.stats);
    }

    /** One walk's statistics and destination. */
    private final class Walk {

        private final EventFilter filter;
        private final DecodeListener listener;
        private final List<SourceStats> stats = new ArrayList<>();
        private ReadProgress progress = ReadProgress.NONE;
        private long fileBytesRead;

        Walk(EventFilter filter, DecodeListener listener) {
            this.filter = filter;
            this.listener = listener;
        }

        void path(Path path) {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                directory(path);
            } else if (Files.isDirectory(path)) {
                fail(path.toString(), "directory", SkipReason.NOT_SUPPORTED, "symbolic link to a folder, not followed");
            } else {
                file(path);
            }
        }

        private void directory(Path directory) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                entries.forEach(children::add);
            } catch (IOException e) {
                fail(directory.toString(), "directory", SkipReason.UNREADABLE, "cannot list folder: " + describe(e));
                return;
            }
            children.sort(null);
            for (Path child : children) {
                path(child);
            }
        }

        private void file(Path file) {
            String name = file.toString();
            InputStream input;
            try {
                input = new ProgressStream(Files.newInputStream(file));
            } catch (IOException e) {
                fail(name, "unknown", SkipReason.UNREADABLE, "cannot read: " + describe(e));
                return;
            }
            try (InputStream in = input) {
                source(name, in, 0);
            } catch (AlreadyReported e) {
                // counted where it happened
            } catch (IOException e) {
                fail(name, "unknown", SkipReason.UNREADABLE, "cannot read: " + describe(e));
            }
        }

        /** Sniffs a source and decodes or unwraps it. */
        void source(String name, InputStream raw, int depth) throws IOException {
            BufferedInputStream in = new BufferedInputStream(raw, READ_BUFFER);
            SourceFormat format = sniffer.sniff(in);
            switch (format) {
                case ZIP, TAR, GZIP -> container(name, format, in, depth);
                case EMPTY -> fail(name, format.formatName(), SkipReason.EMPTY, "empty, no events");
                case UNKNOWN -> fail(name, format.formatName(), SkipReason.NOT_AN_EVENT_LOG, "not an event log (unrecognised format)");
                default -> decode(name, format, in);
            }
        }

        private void container(String name, SourceFormat format, InputStream in, int depth) throws IOException {
            if (depth >= limits.maxDepth()) {
                fail(name, format.formatName(), SkipReason.DAMAGED, "containers nested deeper than " + limits.maxDepth() + ", not opened");
                return;
            }
            int before = stats.size();
            try {
                switch (format) {
                    case ZIP -> zip.forEachEntry(in, (entry, content) -> source(name + "!" + entry, content, depth + 1));
                    case TAR -> tar.forEachEntry(in, (entry, content) -> source(name + "!" + entry, content, depth + 1));
                    default -> {
                        // gzip holds one unnamed stream: it keeps the container's name (x.tar.gz!inner.json)
                        try (InputStream inflated = gzip.open(in)) {
                            source(name, inflated, depth + 1);
                        }
                    }
                }
            } catch (AlreadyReported e) {
                // the entry that failed has been counted; the rest of this container is abandoned
            } catch (IOException e) {
                fail(name, format.formatName(), SkipReason.DAMAGED, describe(e));
            }
            if (stats.size() == before) {
                fail(name, format.formatName(), SkipReason.EMPTY, "archive holds no files");
            }
        }

        private void decode(String name, SourceFormat format, InputStream in) throws AlreadyReported {
            EventDecoder decoder = decoders.get(format.formatName());
            if (decoder == null) {
                fail(name, format.formatName(), SkipReason.NOT_SUPPORTED, format.name() + " decoder not available");
                return;
            }
            LimitedInputStream counted = new LimitedInputStream(in, Long.MAX_VALUE);
            CountingListener counter = new CountingListener(listener);
            try {
                decoder.decode(name, counted, filter, counter);
            } catch (ExpansionLimitException e) {
                counter.onError(DecodeError.ofSource(name, describe(e)));
                record(name, format, counted, counter);
                throw new AlreadyReported();
            } catch (IOException e) {
                counter.onError(DecodeError.ofSource(name, "read failed: " + describe(e)));
            } catch (RuntimeException e) {
                // a decoder bug must not end the walk; the source is reported so it is not silently lost
                counter.onError(DecodeError.ofSource(name, format.formatName() + " decoder failed: " + e));
            }
            record(name, format, counted, counter);
        }

        private void record(String name, SourceFormat format, LimitedInputStream counted, CountingListener counter) {
            stats.add(new SourceStats(name, format.formatName(), counted.count(), counter.events, counter.errors, SkipReason.NONE));
        }

        /** Counts the bytes read from files (before unwrapping) for the walk's progress listener. */
        private final class ProgressStream extends CountingInputStream {
            private long before;

            ProgressStream(InputStream in) {
                super(in);
            }

            @Override
            protected void counted(long total) {
                fileBytesRead += total - before;
                before = total;
                progress.bytesRead(fileBytesRead);
            }
        }

        void fail(String name, String format, SkipReason reason, String message) {
            listener.onError(DecodeError.ofSource(name, message));
            stats.add(new SourceStats(name, format, 0, 0, 1, reason));
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** Passes everything on, counting. */
    private static final class CountingListener implements DecodeListener {

        private final DecodeListener delegate;
        long events;
        long errors;

        CountingListener(DecodeListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onEvent(WindowsEvent event) {
            events++;
            delegate.onEvent(event);
        }

        @Override
        public void onError(DecodeError error) {
            errors++;
            delegate.onError(error);
        }
    }

    /** Stops a container after one of its sources hit a limit that was already reported and counted. */
    private static final class AlreadyReported extends IOException {
        AlreadyReported() {
            super(null, null);
        }
    }
}
