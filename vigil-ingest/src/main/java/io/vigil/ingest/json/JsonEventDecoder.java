package io.vigil.ingest.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.Map;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.EventDecoder;
import io.vigil.ingest.decode.EventFilter;
import io.vigil.ingest.source.text.TextEncoding;
import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * Windows events as JSON, in any of the dialects of {@link JsonDialects}, recognised per record.
 *
 * <p><b>Line mode</b> (the first non-blank line is a whole JSON value): each line is decoded on its
 * own, so a bad line is reported with its number and the next line is read. Lines longer than the cap
 * are reported and skipped without being buffered. When the filter is not {@link EventFilter#ALL},
 * each line's EventID and channel are found by a byte scan first and lines the filter rejects are
 * never parsed: they are only checked to be framed as one object, which catches truncated lines.
 *
 * <p><b>Document mode</b> (anything else: pretty-printed objects, one or many, or a top-level array):
 * the input is read as a stream of JSON values, one event per object or array element. A syntax error
 * is reported with its line and ends the source, since the parser cannot find the next value.
 *
 * <p>Text may be UTF-8 (with or without BOM) or UTF-16 with a BOM.
 */
public final class JsonEventDecoder implements EventDecoder {

    public static final String FORMAT = "json-lines";
    public static final int DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

    private static final int MAX_NESTING = 64;
    private static final int MAX_MESSAGE = 200;

    private final int maxLineBytes;
    private final JsonFactory factory;

    public JsonEventDecoder() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    /** @param maxLineBytes longest line (and, in document mode, largest record in characters) accepted */
    public JsonEventDecoder(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(maxLineBytes)
                        .build())
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void decode(String source, InputStream input, EventFilter filter, DecodeListener listener)
            throws IOException {
        InputStream utf8 = TextEncoding.detect(input).utf8();
        Run run = new Run(source, filter, listener);
        LineSplitter lines = new LineSplitter(utf8, maxLineBytes);
        while (lines.next()) {
            if (lines.tooLong()) {
                run.tooLong(lines.lineNumber());
                run.decodeLines(lines);
                return;
            }
            if (isBlank(lines.buffer(), lines.lineStart(), lines.lineLength())) {
                continue;
            }
            if (isWholeValue(lines.buffer(), lines.lineStart(), lines.lineLength()) || !lines.hasWholePrefix()) {
                run.decodeLine(lines);
                run.decodeLines(lines);
            } else {
                InputStream document = new SequenceInputStream(new ByteArrayInputStream(lines.consumedSoFar()), utf8);
                run.decodeDocument(document);
            }
            return;
        }
        listener.onError(DecodeError.ofSource(source, "empty: no JSON events"));
    }

    /**
     * Whether a line holds a complete JSON value. A line that is cut short (the start of a
     * pretty-printed document) is not; a line with a syntax error is, for line mode's purposes: it is
     * a bad record among lines, not the start of a document.
     */
    private boolean isWholeValue(byte[] buffer, int start, int length) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), buffer, start, length)) {
            JsonToken token = parser.nextToken();
            parser.skipChildren();
            return token != null && parser.nextToken() == null;
        } catch (UnexpectedEndOfInputException e) {
            return false;
        } catch (JacksonException e) {
            return true;
        }
    }

    /**
     * Whether a line is framed as one JSON object, first and last non-blank bytes being braces. Lines
     * the filter rejects are not parsed, so this framing check is what still catches a truncated or
     * garbled line and sends it to the full parse, which reports it.
     */
    private static boolean isFramedObject(byte[] buffer, int start, int length) {
        int first = start;
        int last = start + length - 1;
        while (first <= last && buffer[first] <= ' ') {
            first++;
        }
        while (last >= first && buffer[last] <= ' ') {
            last--;
        }
        return first < last && buffer[first] == '{' && buffer[last] == '}';
    }

    private static boolean isBlank(byte[] buffer, int start, int length) {
        for (int i = start; i < start + length; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        StringBuilder clean = new StringBuilder(Math.min(message.length(), MAX_MESSAGE + 1));
        for (int i = 0; i < message.length() && clean.length() < MAX_MESSAGE; i++) {
            char c = message.charAt(i);
            clean.append(c < 0x20 || c == 0x7F || c == 0xFFFD ? '?' : c);
        }
        if (message.length() > MAX_MESSAGE) {
            clean.append('…');
        }
        return "invalid JSON: " + clean;
    }

    /** One decode call's state. */
    private final class Run {

        private final String source;
        private final EventFilter filter;
        private final DecodeListener listener;
        private final boolean prefilter;
        private final EventKeyScanner scanner = new EventKeyScanner();
        private final JsonTreeReader treeReader = new JsonTreeReader(maxLineBytes);
        private final LocalTimeResolver clock = new LocalTimeResolver();

        Run(String source, EventFilter filter, DecodeListener listener) {
            this.source = source;
            this.filter = filter;
            this.listener = listener;
            this.prefilter = filter != EventFilter.ALL;
        }

        void decodeLines(LineSplitter lines) throws IOException {
            while (lines.next()) {
                if (lines.tooLong()) {
                    tooLong(lines.lineNumber());
                } else {
                    decodeLine(lines);
                }
            }
        }

        void tooLong(long lineNumber) {
            listener.onError(DecodeError.atLine(source, lineNumber,
                    "line longer than " + maxLineBytes + " bytes, skipped"));
        }

        void decodeLine(LineSplitter lines) {
            byte[] buffer = lines.buffer();
            int start = lines.lineStart();
            int length = lines.lineLength();
            long lineNumber = lines.lineNumber();
            if (isBlank(buffer, start, length)) {
                return;
            }
            boolean accepted = false;
            if (prefilter && isFramedObject(buffer, start, length)) {
                scanner.scan(lines);
                int id = scanner.eventId();
                if (id != EventKeyScanner.UNKNOWN) {
                    if (!filter.mayWant(id)) {
                        return;
                    }
                    String channel = scanner.channel();
                    if (!scanner.channelAmbiguous()) {
                        if (!filter.wants(channel, id)) {
                            return;
                        }
                        accepted = true;
                    }
                }
            }
            try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), buffer, start, length)) {
                JsonToken token = parser.nextToken();
                Object value = treeReader.read(parser);
                if (parser.nextToken() != null) {
                    throw new RecordException("more than one JSON value on the line");
                }
                emitAll(value, lineNumber, accepted);
            } catch (JacksonException e) {
                listener.onError(DecodeError.atLine(source, lineNumber, describe(e)));
            } catch (RecordException e) {
                listener.onError(DecodeError.atLine(source, lineNumber, e.getMessage()));
            }
        }

        void decodeDocument(InputStream document) {
            long line = 1;
            try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), document)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    if (token == JsonToken.START_ARRAY) {
                        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                            line = parser.currentTokenLocation().getLineNr();
                            decodeValue(parser, line);
                        }
                    } else {
                        line = parser.currentTokenLocation().getLineNr();
                        decodeValue(parser, line);
                    }
                }
            } catch (JacksonException e) {
                long at = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() : line;
                listener.onError(DecodeError.atLine(source, at, describe(e) + "; rest of the source skipped"));
            } catch (RecordException e) {
                listener.onError(DecodeError.atLine(source, line, e.getMessage() + "; rest of the source skipped"));
            }
        }

        private void decodeValue(JsonParser parser, long line) throws RecordException {
            if (parser.currentToken() == null) {
                throw new RecordException("unexpected end of input");
            }
            Object value = treeReader.read(parser);
            try {
                emit(value, line, false);
            } catch (RecordException e) {
                listener.onError(DecodeError.atLine(source, line, e.getMessage()));
            }
        }

        private void emitAll(Object value, long line, boolean accepted) throws RecordException {
            if (value instanceof List<?> items) {
                for (Object item : items) {
                    try {
                        emit(item, line, false);
                    } catch (RecordException e) {
                        listener.onError(DecodeError.atLine(source, line, e.getMessage()));
                    }
                }
            } else {
                emit(value, line, accepted);
            }
        }

        /** @param accepted the filter already accepted this record (it is consulted once per record) */
        private void emit(Object value, long line, boolean accepted) throws RecordException {
            Map<String, Object> record = JsonValues.object(value);
            if (record == null) {
                throw new RecordException("not a JSON object: " + JsonValues.render(value).lines().findFirst().orElse(""));
            }
            JsonDialect dialect = JsonDialects.of(record);
            WindowsEvent event = dialect.toEvent(record, new EventOrigin(source, line), clock);
            if (accepted || filter.wants(event.channel(), event.eventId())) {
                listener.onEvent(event);
            }
        }
    }
}
