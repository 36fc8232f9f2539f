package io.vigil.ingest.evtx;

/** One node of a compiled Binary XML fragment: an element, literal text, or a substitution slot. */
sealed interface BinXmlNode permits BinXmlNode.Element, BinXmlNode.Text, BinXmlNode.Substitution {

    BinXmlNode[] NONE = new BinXmlNode[0];

    /** @param code the name's {@link ElementName} code */
    record Element(String name, int code, Attribute[] attributes, BinXmlNode[] children) implements BinXmlNode {

        /** The value parts of the attribute with this {@link ElementName} code, or null when there is none. */
        BinXmlNode[] attribute(int attributeCode) {
            for (Attribute a : attributes) {
                if (a.code() == attributeCode) {
                    return a.value();
                }
            }
            return null;
        }
    }

    /** An attribute's value is a sequence of {@link Text} and {@link Substitution} parts. */
    record Attribute(String name, int code, BinXmlNode[] value) {
    }

    record Text(String text) implements BinXmlNode {
    }

    /** Slot {@code index} of the template instance's value array; optional slots vanish when null. */
    record Substitution(int index, int type, boolean optional) implements BinXmlNode {
    }
}
