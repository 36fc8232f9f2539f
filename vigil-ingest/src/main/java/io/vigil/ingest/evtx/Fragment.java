package io.vigil.ingest.evtx;

import static io.vigil.ingest.evtx.BinXmlToken.FRAGMENT_HEADER;
import static io.vigil.ingest.evtx.BinXmlToken.OPEN_START_ELEMENT;
import static io.vigil.ingest.evtx.BinXmlToken.TEMPLATE_INSTANCE;
import static io.vigil.ingest.evtx.BinXmlToken.kind;

/**
 * A Binary XML document as a record (or a nested Binary XML value) holds it: almost always a
 * template instance, i.e. a template plus its values, sometimes plain elements without a template.
 */
record Fragment(CompiledTemplate template, SubstitutionValues values) {

    private static final int FRAGMENT_HEADER_SIZE = 4;
    /** token, unknown byte, template id, definition offset. */
    private static final int INSTANCE_HEADER_SIZE = 1 + 1 + 4 + 4;

    /** Reads the fragment in {@code [start, end)}; a template instance's values go into {@code values}. */
    static Fragment read(byte[] chunk, NameTable names, TemplateCache templates, int start, int end,
            SubstitutionValues values) {
        int pos = start;
        if (Bytes.u8(chunk, pos) == FRAGMENT_HEADER) {
            pos += FRAGMENT_HEADER_SIZE;
        }
        int token = Bytes.u8(chunk, pos);
        if (token == TEMPLATE_INSTANCE) {
            int definition = Bytes.i32(chunk, pos + 6);
            pos += INSTANCE_HEADER_SIZE;
            if (definition == pos) {
                pos += templates.definitionSize(definition);
            }
            CompiledTemplate template = templates.definitionAt(definition);
            if (pos > end) {
                throw new EvtxFormatException("template definition runs past the record");
            }
            return new Fragment(template, values.fill(chunk, pos, end));
        }
        if (kind(token) == OPEN_START_ELEMENT) {
            return new Fragment(TemplateCompiler.compile(chunk, names, pos, end), SubstitutionValues.EMPTY);
        }
        throw new EvtxFormatException("Binary XML starts with token 0x" + Integer.toHexString(token)
                + " at chunk offset " + pos);
    }
}
