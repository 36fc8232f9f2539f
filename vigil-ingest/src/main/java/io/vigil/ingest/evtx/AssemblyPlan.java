package io.vigil.ingest.evtx;

import io.vigil.ingest.evtx.BinXmlNode.Element;
import io.vigil.ingest.evtx.BinXmlNode.Substitution;
import io.vigil.ingest.evtx.BinXmlNode.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link EventAssembler} does with one compiled template in one role, worked out once per
 * template rather than by walking its node tree for every record: which System fields to read from
 * which parts, which EventData / UserData fields to collect under which names, where the event filter
 * is asked, and where a substitution may hold nested Binary XML. Steps are in the order a walk of the
 * tree would meet them; elements a role ignores leave no step.
 */
final class AssemblyPlan {

    /** Where in an event the nodes stand. */
    static final int ROOT = 0;
    static final int EVENT = 1;
    static final int SYSTEM = 2;
    static final int EVENT_DATA = 3;
    static final int USER_DATA = 4;
    static final int USER_DATA_FIELDS = 5;
    static final int ROLES = 6;

    sealed interface Step permits SystemField, DataField, NamedField, AskFilter, FirstUserDataElement, Nested {
    }

    /** A System field ({@link ElementName} code) from these parts; null parts when the attribute is missing. */
    record SystemField(int code, BinXmlNode[] parts) implements Step {
    }

    /**
     * An EventData {@code <Data>}: named by its Name attribute, known here when the template spells
     * it out ({@code name}, never empty), else read from {@code nameParts}; unnamed when both are null
     * or the parts read empty.
     * {@code last} remembers the value's last rendering when the value is one substitution, else null.
     */
    record DataField(String name, BinXmlNode[] nameParts, BinXmlNode[] value, RepeatedValue last) implements Step {
    }

    /** A field named by its element: EventData's {@code <Binary>}, or a UserData field by local name. */
    record NamedField(String name, BinXmlNode[] value, RepeatedValue last) implements Step {
    }

    /** The event filter decides here, before EventData or UserData is read; a rejected record ends here. */
    record AskFilter() implements Step {
    }

    /** UserData's first element holds the fields; later ones (and their steps) are skipped. */
    record FirstUserDataElement(Step[] fields) implements Step {
    }

    /**
     * A substitution that, when its value is Binary XML, is walked in {@code role} in its place.
     *
     * @param depth how deep the walk is here below the plan's start, for the nesting bound
     */
    record Nested(int index, int role, int depth) implements Step {
    }

    private static final AskFilter ASK_FILTER = new AskFilter();

    private AssemblyPlan() {
    }

    /** The steps for these nodes in this role. */
    static Step[] of(BinXmlNode[] nodes, int role) {
        List<Step> steps = new ArrayList<>();
        add(nodes, role, 0, steps);
        return steps.toArray(new Step[0]);
    }

    private static void add(BinXmlNode[] nodes, int role, int depth, List<Step> steps) {
        for (BinXmlNode node : nodes) {
            if (node instanceof Element element) {
                addElement(element, role, depth, steps);
            } else if (node instanceof Substitution s) {
                steps.add(new Nested(s.index(), role, depth));
            }
        }
    }

    private static void addElement(Element element, int role, int depth, List<Step> steps) {
        int name = element.code();
        switch (role) {
            case ROOT -> {
                if (name == ElementName.EVENT) {
                    add(element.children(), EVENT, depth + 1, steps);
                }
            }
            case EVENT -> {
                if (name == ElementName.SYSTEM) {
                    add(element.children(), SYSTEM, depth + 1, steps);
                } else if (name == ElementName.EVENT_DATA || name == ElementName.USER_DATA) {
                    steps.add(ASK_FILTER);
                    add(element.children(), name == ElementName.EVENT_DATA ? EVENT_DATA : USER_DATA, depth + 1, steps);
                }
            }
            case SYSTEM -> steps.add(systemField(element));
            case EVENT_DATA -> {
                if (name == ElementName.DATA) {
                    steps.add(dataField(element));
                } else if (name == ElementName.BINARY) {
                    steps.add(namedField(element.name(), element.children()));
                }
            }
            case USER_DATA -> steps.add(new FirstUserDataElement(fields(element, depth)));
            case USER_DATA_FIELDS -> steps.add(namedField(localName(element.name()), element.children()));
            default -> throw new IllegalStateException("role " + role);
        }
    }

    private static Step[] fields(Element userDataElement, int depth) {
        List<Step> steps = new ArrayList<>();
        add(userDataElement.children(), USER_DATA_FIELDS, depth + 1, steps);
        return steps.toArray(new Step[0]);
    }

    private static SystemField systemField(Element element) {
        return switch (element.code()) {
            case ElementName.PROVIDER -> new SystemField(ElementName.PROVIDER, element.attribute(ElementName.NAME));
            case ElementName.TIME_CREATED ->
                    new SystemField(ElementName.TIME_CREATED, element.attribute(ElementName.SYSTEM_TIME));
            default -> new SystemField(element.code(), element.children());
        };
    }

    private static DataField dataField(Element element) {
        BinXmlNode[] nameParts = element.attribute(ElementName.NAME);
        BinXmlNode[] value = element.children();
        if (nameParts == null) {
            return new DataField(null, null, value, repeatedValue(value));
        }
        if (nameParts.length == 1 && nameParts[0] instanceof Text t) {
            return new DataField(t.text().isEmpty() ? null : t.text(), null, value, repeatedValue(value));
        }
        return new DataField(null, nameParts, value, repeatedValue(value));
    }

    private static NamedField namedField(String name, BinXmlNode[] value) {
        return new NamedField(name, value, repeatedValue(value));
    }

    private static RepeatedValue repeatedValue(BinXmlNode[] value) {
        return value.length == 1 && value[0] instanceof Substitution ? new RepeatedValue() : null;
    }

    private static String localName(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }
}
