package io.vigil.ingest.source;

import java.util.List;

/** Statistics of one walk, per source in the order read, with totals. */
public record WalkReport(List<SourceStats> sources) {

    public WalkReport {
        sources = List.copyOf(sources);
    }

    /** Sources that were decoded. */
    public long filesRead() {
        return sources.stream().filter(s -> !s.wasSkipped()).count();
    }

    /** Sources that were not decoded: unrecognised, empty, unreadable, damaged or without a decoder. */
    public long filesSkipped() {
        return sources.stream().filter(SourceStats::wasSkipped).count();
    }

    /** Sources skipped for one reason. */
    public long filesSkipped(SkipReason reason) {
        return sources.stream().filter(s -> s.skipped() == reason).count();
    }

    public long events() {
        return sources.stream().mapToLong(SourceStats::events).sum();
    }

    public long errors() {
        return sources.stream().mapToLong(SourceStats::errors).sum();
    }

    public long bytes() {
        return sources.stream().mapToLong(SourceStats::bytes).sum();
    }

    @Override
    public String toString() {
        return "files read " + filesRead() + ", skipped " + filesSkipped() + ", events " + events() + ", errors "
                + errors() + ", bytes " + bytes();
    }
}
