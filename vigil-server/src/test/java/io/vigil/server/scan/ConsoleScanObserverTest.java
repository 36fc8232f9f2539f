package io.vigil.server.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.decode.DecodeError;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleScanObserverTest {

    @Test
    void errorsAreOneLineEachWithPlaceAndNoControlCharacters() {
        StringWriter err = new StringWriter();
        ConsoleScanObserver observer = new ConsoleScanObserver(new PrintWriter(err), false, false);
        observer.error(DecodeError.atLine("logs/dc01.jsonl", 42, "invalid JSON: \u001b[31mred"));
        assertThat(err.toString()).isEqualTo("error: logs/dc01.jsonl line 42: invalid JSON: \\x1b[31mred"
                + System.lineSeparator());
    }

    @Test
    void quietCountsButDoesNotPrint() {
        StringWriter err = new StringWriter();
        new ConsoleScanObserver(new PrintWriter(err), true, false).error(DecodeError.ofSource("x", "bad"));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theProgressBarShowsTheShareReadAndIsClearedAtTheEnd() {
        StringWriter err = new StringWriter();
        ConsoleScanObserver observer = new ConsoleScanObserver(new PrintWriter(err), false, true);
        observer.progress(50L << 20, 100L << 20, 123_456);
        assertThat(err.toString()).startsWith("\r[###############...............]  50%")
                .contains("50 MB of 100 MB").contains("123,456 events");
        observer.done();
        assertThat(err.toString()).endsWith("\r");
    }

    @Test
    void withoutATerminalThereIsNoBar() {
        StringWriter err = new StringWriter();
        ConsoleScanObserver observer = new ConsoleScanObserver(new PrintWriter(err), false, false);
        observer.progress(1, 2, 3);
        observer.done();
        assertThat(err.toString()).isEmpty();
    }
}
