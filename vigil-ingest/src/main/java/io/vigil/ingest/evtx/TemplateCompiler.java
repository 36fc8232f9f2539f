package io.vigil.ingest.evtx;

import static io.vigil.ingest.evtx.BinXmlToken.*;

import io.vigil.ingest.evtx.BinXmlNode.Attribute;
import io.vigil.ingest.evtx.BinXmlNode.Element;
import io.vigil.ingest.evtx.BinXmlNode.Substitution;
import io.vigil.ingest.evtx.BinXmlNode.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Binary XML token stream (a template definition's body, or a fragment written without a
 * template) into a {@link BinXmlNode} tree. Every read is bounded by {@code end} and element nesting
 * by {@link #MAX_DEPTH}, so hostile input ends in an {@link EvtxFormatException}, never a stack overflow.
 */
final class TemplateCompiler {

    static final int MAX_DEPTH = 64;

    private final byte[] chunk;
    private final NameTable names;
    private final int start;
    private final int end;
    private final NameReferences references;
    private int pos;

    private TemplateCompiler(byte[] chunk, NameTable names, int start, int end, NameReferences references) {
        this.chunk = chunk;
        this.names = names;
        this.start = start;
        this.pos = start;
        this.end = Math.min(end, chunk.length);
        this.references = references;
    }

    /** Compiles the fragment in {@code [start, end)}: optional header, elements, end-of-fragment. */
    static CompiledTemplate compile(byte[] chunk, NameTable names, int start, int end) {
        return compile(chunk, names, start, end, new NameReferences());
    }

    /** Compiles as {@link #compile(byte[], NameTable, int, int)} and notes where names are referred to. */
    static CompiledTemplate compile(byte[] chunk, NameTable names, int start, int end, NameReferences references) {
        return new TemplateCompiler(chunk, names, start, end, references).fragment();
    }

    private CompiledTemplate fragment() {
        List<BinXmlNode> roots = new ArrayList<>(1);
        while (pos < end) {
            int token = peek();
            switch (kind(token)) {
                case FRAGMENT_HEADER -> pos += 4;
                case OPEN_START_ELEMENT -> roots.add(element(token, 0));
                case END_OF_FRAGMENT -> {
                    return new CompiledTemplate(roots.toArray(BinXmlNode.NONE));
                }
                case TEMPLATE_INSTANCE -> throw new EvtxFormatException("template instance inside a template definition");
                default -> {
                    if (!readContentPart(roots)) {
                        throw unexpected(token);
                    }
                }
            }
        }
        throw new EvtxFormatException("fragment has no end-of-fragment token before offset " + end);
    }

    private Element element(int token, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new EvtxFormatException("elements nested deeper than " + MAX_DEPTH);
        }
        pos += 1 + 2 + 4; // token, dependency identifier, data size
        NameTable.Name name = nameReference();
        if ((token & MORE_BIT) != 0) {
            pos += 4; // attribute list size: the attribute tokens themselves tell where it ends
        }
        List<Attribute> attributes = List.of();
        while (kind(peek()) == ATTRIBUTE) {
            pos++;
            NameTable.Name attributeName = nameReference();
            List<BinXmlNode> parts = new ArrayList<>(1);
            while (readContentPart(parts)) {
                // an attribute value is a run of value, substitution and reference tokens
            }
            if (attributes.isEmpty()) {
                attributes = new ArrayList<>(4);
            }
            attributes.add(new Attribute(attributeName.text(), attributeName.code(), parts.toArray(BinXmlNode.NONE)));
        }
        Attribute[] attributeArray = attributes.toArray(new Attribute[0]);
        int close = next();
        if (close == CLOSE_EMPTY_ELEMENT) {
            return new Element(name.text(), name.code(), attributeArray, BinXmlNode.NONE);
        }
        if (close != CLOSE_START_ELEMENT) {
            throw unexpected(close);
        }
        List<BinXmlNode> children = new ArrayList<>(4);
        while (true) {
            int child = peek();
            int kind = kind(child);
            if (kind == END_ELEMENT) {
                pos++;
                return new Element(name.text(), name.code(), attributeArray, children.toArray(BinXmlNode.NONE));
            } else if (kind == OPEN_START_ELEMENT) {
                children.add(element(child, depth + 1));
            } else if (kind == PI_TARGET) {
                pos++;
                nameReference();
            } else if (kind == PI_DATA) {
                pos++;
                pos += 2 + 2 * u16();
            } else if (!readContentPart(children)) {
                throw unexpected(child);
            }
        }
    }

    /** Reads one text-like token into {@code parts}; false (consuming nothing) for any other token. */
    private boolean readContentPart(List<BinXmlNode> parts) {
        int kind = kind(peek());
        switch (kind) {
            case VALUE -> {
                pos++;
                int type = next();
                if (type != ValueType.STRING) {
                    throw new EvtxFormatException("literal value of type 0x" + Integer.toHexString(type));
                }
                parts.add(new Text(utf16(u16())));
            }
            case CDATA -> {
                pos++;
                parts.add(new Text(utf16(u16())));
            }
            case CHAR_REFERENCE -> {
                pos++;
                parts.add(new Text(String.valueOf((char) u16())));
            }
            case ENTITY_REFERENCE -> {
                pos++;
                parts.add(new Text(entity(nameReference().text())));
            }
            case NORMAL_SUBSTITUTION, OPTIONAL_SUBSTITUTION -> {
                pos++;
                int index = u16();
                int type = next();
                parts.add(new Substitution(index, type, kind == OPTIONAL_SUBSTITUTION));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static String entity(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> "&" + name + ";";
        };
    }

    /** A name is referenced by chunk offset; when that offset is right here, the name is stored inline. */
    private NameTable.Name nameReference() {
        int offset = Bytes.i32(chunk, pos);
        pos += 4;
        NameTable.Name name = names.nameAt(offset);
        boolean inline = offset == pos;
        references.add(pos - 4 - start, inline);
        if (inline) {
            pos += names.storedSize(offset);
        }
        return name;
    }

    private String utf16(int chars) {
        int length = 2 * chars;
        if (pos + length > end) {
            throw new EvtxFormatException("string of " + chars + " characters runs past offset " + end);
        }
        String s = Utf16.decode(chunk, pos, length);
        pos += length;
        return s;
    }

    private int peek() {
        if (pos >= end) {
            throw new EvtxFormatException("Binary XML runs past offset " + end);
        }
        return chunk[pos] & 0xFF;
    }

    private int next() {
        int b = peek();
        pos++;
        return b;
    }

    private int u16() {
        if (pos + 2 > end) {
            throw new EvtxFormatException("Binary XML runs past offset " + end);
        }
        int v = Bytes.u16(chunk, pos);
        pos += 2;
        return v;
    }

    private EvtxFormatException unexpected(int token) {
        return new EvtxFormatException("unexpected Binary XML token 0x" + Integer.toHexString(token)
                + " near chunk offset " + pos);
    }
}
