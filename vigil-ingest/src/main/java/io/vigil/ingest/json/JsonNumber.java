package io.vigil.ingest.json;

/** A JSON number kept as its source text, so it renders as the producer wrote it ({@code 4624}, not {@code 4624.0}). */
record JsonNumber(String text) {

    @Override
    public String toString() {
        return text;
    }
}
