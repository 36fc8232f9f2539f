package io.vigil.ingest.evtx;

/** A template definition turned into a node tree, reusable for every instance in its chunk. */
record CompiledTemplate(BinXmlNode[] roots) {
}
