package io.vigil.ingest.evtx;

import io.vigil.ingest.decode.EventFilter;
import io.vigil.ingest.decode.WindowsNumbers;
import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;
import io.vigil.ingest.evtx.BinXmlNode.Element;
import io.vigil.ingest.evtx.BinXmlNode.Substitution;
import io.vigil.ingest.evtx.BinXmlNode.Text;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.stream.IntStream;

/**
 * Walks one record's template tree with its values and keeps what {@link WindowsEvent} holds: the
 * System fields, then EventData {@code <Data>} by name or UserData's fields. Nested Binary XML values
 * are expanded where they stand. Work per record is bounded, whatever the templates and values say.
 */
final class EventAssembler {

    static final int MAX_NESTING = 64;
    private static final int MAX_NODE_VISITS = 200_000;
    static final String UNNAMED_DATA_PREFIX = "Param";
    private static final String[] UNNAMED_DATA_NAMES =
            IntStream.range(0, 64).mapToObj(n -> UNNAMED_DATA_PREFIX + n).toArray(String[]::new);

    private static final int ROOT = 0;
    private static final int EVENT = 1;
    private static final int SYSTEM = 2;
    private static final int EVENT_DATA = 3;
    private static final int USER_DATA = 4;
    private static final int USER_DATA_FIELDS = 5;

    private final byte[] chunk;
    private final NameTable names;
    private final TemplateCache templates;
    private final EventFilter filter;
    private final Utf16 text;
    private final RepeatedString lastProvider = new RepeatedString();
    private final RepeatedString lastChannel = new RepeatedString();
    private final RepeatedString lastComputer = new RepeatedString();

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
        visitsLeft = MAX_NODE_VISITS;

        Fragment fragment = Fragment.read(chunk, names, templates, start, end, valuesAt(0));
        visitChildren(fragment.template().roots(), fragment.values(), ROOT, 0);
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

    private void visitChildren(BinXmlNode[] nodes, SubstitutionValues values, int role, int depth) {
        for (BinXmlNode node : nodes) {
            if (--visitsLeft < 0) {
                throw new EvtxFormatException("record needs more than " + MAX_NODE_VISITS + " node visits");
            }
            if (node instanceof Element element) {
                visitElement(element, values, role, depth);
            } else if (node instanceof Substitution s && values.type(s.index()) == ValueType.BINXML) {
                Fragment nested = nestedFragment(values, s.index(), depth);
                visitChildren(nested.template().roots(), nested.values(), role, depth + 1);
            }
            if (filterVerdict < 0) {
                return;
            }
        }
    }

    private Fragment nestedFragment(SubstitutionValues values, int index, int depth) {
        if (depth >= MAX_NESTING) {
            throw new EvtxFormatException("Binary XML values nested deeper than " + MAX_NESTING);
        }
        int offset = values.offset(index);
        return Fragment.read(chunk, names, templates, offset, offset + values.size(index), valuesAt(depth + 1));
    }

    /** The values of a fragment read at this nesting level stay in use only while its subtree is walked. */
    private SubstitutionValues valuesAt(int level) {
        SubstitutionValues values = valuesByDepth[level];
        if (values == null) {
            values = valuesByDepth[level] = new SubstitutionValues(text);
        }
        return values;
    }

    private void visitElement(Element element, SubstitutionValues values, int role, int depth) {
        int name = element.code();
        switch (role) {
            case ROOT -> {
                if (name == ElementName.EVENT) {
                    visitChildren(element.children(), values, EVENT, depth + 1);
                }
            }
            case EVENT -> {
                if (name == ElementName.SYSTEM) {
                    visitChildren(element.children(), values, SYSTEM, depth + 1);
                } else if ((name == ElementName.EVENT_DATA || name == ElementName.USER_DATA) && accepted()) {
                    visitChildren(element.children(), values, name == ElementName.EVENT_DATA ? EVENT_DATA : USER_DATA,
                            depth + 1);
                }
            }
            case SYSTEM -> systemField(element, values);
            case EVENT_DATA -> {
                if (name == ElementName.DATA) {
                    BinXmlNode[] nameParts = element.attribute(ElementName.NAME);
                    String key = nameParts == null ? "" : text(nameParts, values);
                    put(key.isEmpty() ? unnamedDataName(++unnamedData) : key, text(element.children(), values));
                } else if (name == ElementName.BINARY) {
                    put(element.name(), text(element.children(), values));
                }
            }
            case USER_DATA -> {
                if (!userDataFieldsSeen) {
                    userDataFieldsSeen = true;
                    visitChildren(element.children(), values, USER_DATA_FIELDS, depth + 1);
                }
            }
            case USER_DATA_FIELDS -> put(localName(element.name()), text(element.children(), values));
            default -> throw new IllegalStateException("role " + role);
        }
    }

    private void systemField(Element element, SubstitutionValues values) {
        switch (element.code()) {
            case ElementName.PROVIDER -> {
                BinXmlNode[] parts = element.attribute(ElementName.NAME);
                provider = parts == null ? null : text(parts, values, lastProvider);
            }
            case ElementName.EVENT_ID -> eventId = (int) number(element.children(), values);
            case ElementName.VERSION -> version = (int) Math.max(0, number(element.children(), values));
            case ElementName.CHANNEL -> channel = text(element.children(), values, lastChannel);
            case ElementName.COMPUTER -> computer = text(element.children(), values, lastComputer);
            case ElementName.TIME_CREATED -> {
                BinXmlNode[] parts = element.attribute(ElementName.SYSTEM_TIME);
                time = parts == null ? null : instant(parts, values);
            }
            case ElementName.EVENT_RECORD_ID -> recordId = number(element.children(), values);
            default -> {
                // Level, Task, Keywords, Correlation, Execution, Security: not part of WindowsEvent
            }
        }
    }

    /** Collects a field; of repeated names the first wins. */
    private void put(String key, String value) {
        data.add(key, value);
    }

    /** Param1, Param2, …: the same strings every time, so that such records share a field layout too. */
    private static String unnamedDataName(int number) {
        return number < UNNAMED_DATA_NAMES.length ? UNNAMED_DATA_NAMES[number] : UNNAMED_DATA_PREFIX + number;
    }

    private static String localName(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    /** {@link #text(BinXmlNode[], SubstitutionValues)}, reusing the last string when it is a repeated string value. */
    private String text(BinXmlNode[] parts, SubstitutionValues values, RepeatedString last) {
        if (parts.length == 1 && parts[0] instanceof Substitution s && values.type(s.index()) == ValueType.STRING) {
            return last.of(values.chunk, values.offset(s.index()), values.size(s.index()), text);
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
        if (parts.length == 1 && parts[0] instanceof Substitution s) {
            Long n = values.integer(s.index());
            if (n != null) {
                return n;
            }
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
