package io.vigil.ingest.evtx;

/** One node of a compiled Binary XML fragment: an element, literal text, or a substitution slot. */
sealed interface BinXmlNode permits BinXmlNode.Element, BinXmlNode.Text, BinXmlNode.Substitution {

    BinXmlNode[] NONE = new BinXmlNode[0];

    record Element(String name, Attribute[] attributes, BinXmlNode[] children) implements BinXmlNode {

        /** The value parts of the named attribute, or null when the element has no such attribute. */
        BinXmlNode[] attribute(String attributeName) {
            for (Attribute a : attributes) {
                if (a.name().equals(attributeName)) {
                    return a.value();
                }
            }
            return null;
        }
    }

    /** An attribute's value is a sequence of {@link Text} and {@link Substitution} parts. */
    record Attribute(String name, BinXmlNode[] value) {
    }

    record Text(String text) implements BinXmlNode {
    }

    /** Slot {@code index} of the template instance's value array; optional slots vanish when null. */
    record Substitution(int index, int type, boolean optional) implements BinXmlNode {
    }
}
