package io.vigil.engine.embedded;

/**
 * The engine's keyed state as taken by {@link EmbeddedEngine#snapshot()}: already a copy, so it can be
 * turned into bytes (and stored) on another thread while the engine goes on.
 */
public final class EngineSnapshot {

    private final StateSnapshot state;

    EngineSnapshot(StateSnapshot state) {
        this.state = state;
    }

    /** The bytes {@link EmbeddedEngine#restore(byte[])} takes back. */
    public byte[] toBytes() {
        return state.toBytes();
    }
}
