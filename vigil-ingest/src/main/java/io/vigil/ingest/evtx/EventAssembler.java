package io.vigil.ingest.evtx;

import io.vigil.ingest.decode.EventFilter;
import io.vigil.ingest.decode.WindowsNumbers;
import io.vigil.model.event.Channels;
import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;
import io.vigil.ingest.evtx.AssemblyPlan.AskFilter;
import io.vigil.ingest.evtx.AssemblyPlan.DataField;
import io.vigil.ingest.evtx.AssemblyPlan.FirstUserDataElement;
import io.vigil.ingest.evtx.AssemblyPlan.NamedField;
import io.vigil.ingest.evtx.AssemblyPlan.Nested;
import io.vigil.ingest.evtx.AssemblyPlan.Step;
import io.vigil.ingest.evtx.AssemblyPlan.SystemField;
import io.vigil.ingest.evtx.BinXmlNode.Substitution;
import io.vigil.ingest.evtx.BinXmlNode.Text;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.stream.IntStream;

/**
 * Takes one record's template {@link AssemblyPlan} with its values and keeps what {@link WindowsEvent}
 * holds: the System fields, then EventData {@code <Data>} by name or UserData's fields. Nested Binary
 * XML values are expanded where they stand. Work per record is bounded, whatever the templates and
 * values say.
 */
final class EventAssembler {

    static final int MAX_NESTING = 64;
    /** Steps per record, nested Binary XML included: values can make one template's steps run many times. */
    private static final int MAX_VISITS = 200_000;
    static final String UNNAMED_DATA_PREFIX = "Param";
    private static final String[] UNNAMED_DATA_NAMES =
            IntStream.range(0, 64).mapToObj(n -> UNNAMED_DATA_PREFIX + n).toArray(String[]::new);

    private final byte[] chunk;
    private final NameTable names;
    private final TemplateCache templates;
    private final EventFilter filter;
    private final Utf16 text;
    private final RepeatedValue lastProvider = new RepeatedValue();
    private final RepeatedValue lastChannel = new RepeatedValue(Channels::canonical);
    private final RepeatedValue lastComputer = new RepeatedValue();

    private String provider;
    private String channel;
    private int eventId;
    private int version;
    private String computer;
    private Instant time;
    private long recordId;
    private final FieldCollector data = new FieldCollector();
    private final SubstitutionValues[] valuesByDepth = new SubstitutionValues[MAX_NESTING + 1];
    private int unnamedData;
    private boolean userDataFieldsSeen;
    private int filterVerdict;
    private int visitsLeft;

    EventAssembler(byte[] chunk, NameTable names, TemplateCache templates, EventFilter filter, Utf16 text) {
        this.chunk = chunk;
        this.names = names;
        this.templates = templates;
        this.filter = filter;
        this.text = text;
    }

    /** The event of the record whose Binary XML is {@code [start, end)}, or null when the filter rejects it. */
    WindowsEvent assemble(int start, int end, long headerRecordId, long headerTicks, EventOrigin origin) {
        provider = null;
        channel = null;
        eventId = (int) WindowsNumbers.NONE;
        version = 0;
        computer = null;
        time = null;
        recordId = -1;
        data.clear();
        unnamedData = 0;
        userDataFieldsSeen = false;
        filterVerdict = 0;
        visitsLeft = MAX_VISITS;

        Fragment fragment = Fragment.read(chunk, names, templates, start, end, valuesAt(0));
        run(fragment.template().plan(AssemblyPlan.ROOT), fragment.values(), 0);
        if (!accepted()) {
            return null;
        }
        if (time == null) {
            time = instantOfFiletime(headerTicks);
        }
        return new WindowsEvent(provider, channel, eventId, version, computer, time,
                recordId >= 0 ? recordId : headerRecordId, data.toMap(), origin);
    }

    private boolean accepted() {
        if (filterVerdict == 0) {
            filterVerdict = filter.wants(channel, eventId) ? 1 : -1;
        }
        return filterVerdict > 0;
    }

    /** Takes the steps with these values; false once the filter rejected the record, which ends the walk. */
    private boolean run(Step[] steps, SubstitutionValues values, int depth) {
        visitsLeft -= steps.length;
        if (visitsLeft < 0) {
            throw new EvtxFormatException("record needs more than " + MAX_VISITS + " assembly steps");
        }
        for (Step step : steps) {
            if (step instanceof DataField field) {
                String key = field.name() != null ? field.name() : readName(field, values);
                put(key, text(field.value(), values, field.last()));
            } else if (step instanceof SystemField field) {
                systemField(field, values);
            } else if (step instanceof NamedField field) {
                put(field.name(), text(field.value(), values, field.last()));
            } else if (step instanceof Nested nested) {
                if (values.type(nested.index()) == ValueType.BINXML
                        && !runNested(values, nested.index(), nested.role(), depth + nested.depth())) {
                    return false;
                }
            } else if (step instanceof AskFilter) {
                if (!accepted()) {
                    return false;
                }
            } else if (step instanceof FirstUserDataElement element) {
                if (!userDataFieldsSeen) {
                    userDataFieldsSeen = true;
                    if (!run(element.fields(), values, depth)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private boolean runNested(SubstitutionValues values, int index, int role, int depth) {
        if (depth >= MAX_NESTING) {
            throw new EvtxFormatException("Binary XML values nested deeper than " + MAX_NESTING);
        }
        int offset = values.offset(index);
        Fragment nested = Fragment.read(chunk, names, templates, offset, offset + values.size(index), valuesAt(depth + 1));
        return run(nested.template().plan(role), nested.values(), depth + 1);
    }

    /** The values of a fragment read at this nesting level stay in use only while its subtree is walked. */
    private SubstitutionValues valuesAt(int level) {
        SubstitutionValues values = valuesByDepth[level];
        if (values == null) {
            values = valuesByDepth[level] = new SubstitutionValues(text);
        }
        return values;
    }

    private void systemField(SystemField field, SubstitutionValues values) {
        BinXmlNode[] parts = field.parts();
        switch (field.code()) {
            case ElementName.PROVIDER -> provider = parts == null ? null : text(parts, values, lastProvider);
            case ElementName.EVENT_ID -> eventId = (int) number(parts, values);
            case ElementName.VERSION -> version = (int) Math.max(0, number(parts, values));
            case ElementName.CHANNEL -> channel = text(parts, values, lastChannel);
            case ElementName.COMPUTER -> computer = text(parts, values, lastComputer);
            case ElementName.TIME_CREATED -> time = parts == null ? null : instant(parts, values);
            case ElementName.EVENT_RECORD_ID -> recordId = number(parts, values);
            default -> {
                // Level, Task, Keywords, Correlation, Execution, Security: not part of WindowsEvent
            }
        }
    }

    /** Collects a field; of repeated names the first wins. */
    private void put(String key, String value) {
        data.add(key, value);
    }

    /** The name of a field whose template does not spell it out: read from the record, or the next ParamN. */
    private String readName(DataField field, SubstitutionValues values) {
        String read = field.nameParts() != null ? text(field.nameParts(), values) : "";
        return read.isEmpty() ? unnamedDataName(++unnamedData) : read;
    }

    /** Param1, Param2, …: the same strings every time, so that such records share a field layout too. */
    private static String unnamedDataName(int number) {
        return number < UNNAMED_DATA_NAMES.length ? UNNAMED_DATA_NAMES[number] : UNNAMED_DATA_PREFIX + number;
    }

    /** {@link #text(BinXmlNode[], SubstitutionValues)}, reusing the last string while the value repeats; {@code last} may be null. */
    private static String text(BinXmlNode[] parts, SubstitutionValues values, RepeatedValue last) {
        if (last != null && parts.length == 1 && parts[0] instanceof Substitution s && renderable(s, values)) {
            return last.of(values, s.index());
        }
        return text(parts, values);
    }

    /** The text of an element's content or an attribute's value; child elements contribute nothing. */
    private static String text(BinXmlNode[] parts, SubstitutionValues values) {
        if (parts.length == 1) {
            BinXmlNode only = parts[0];
            if (only instanceof Substitution s) {
                return renderable(s, values) ? values.render(s.index()) : "";
            }
            if (only instanceof Text t) {
                return t.text();
            }
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (BinXmlNode part : parts) {
            if (part instanceof Text t) {
                s.append(t.text());
            } else if (part instanceof Substitution sub && renderable(sub, values)) {
                s.append(values.render(sub.index()));
            }
        }
        return s.toString();
    }

    private static boolean renderable(Substitution s, SubstitutionValues values) {
        return values.type(s.index()) != ValueType.BINXML;
    }

    private static long number(BinXmlNode[] parts, SubstitutionValues values) {
        if (parts.length == 1 && parts[0] instanceof Substitution s && values.isInteger(s.index())) {
            return values.integer(s.index());
        }
        return WindowsNumbers.parse(text(parts, values));
    }

    private static Instant instant(BinXmlNode[] parts, SubstitutionValues values) {
        if (parts.length == 1 && parts[0] instanceof Substitution s
                && values.type(s.index()) == ValueType.FILETIME && values.size(s.index()) >= 8) {
            return instantOfFiletime(Bytes.i64(values.chunk, values.offset(s.index())));
        }
        try {
            return Instant.parse(text(parts, values));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant instantOfFiletime(long ticks) {
        return Instant.ofEpochSecond(ValueRenderer.filetimeEpochSeconds(ticks), ValueRenderer.filetimeNanos(ticks));
    }
}
