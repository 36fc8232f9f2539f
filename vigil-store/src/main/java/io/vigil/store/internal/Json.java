package io.vigil.store.internal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.vigil.model.alert.Entity;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the JSON columns. */
public final class Json {

    private final JsonMapper mapper = JsonMapper.builder()
            .addMixIn(Entity.class, EntityTypeMixin.class)
            // stored JSON outlives the code that wrote it: a field dropped from a record must not break reads
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    /** Writes with the declared type, which is what carries the type ids of polymorphic elements. */
    public <T> String write(T value, TypeReference<T> type) {
        return mapper.writerFor(type).writeValueAsString(value);
    }

    public <T> T read(String json, TypeReference<T> type) {
        return mapper.readValue(json, type);
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Entity.AccountEntity.class, name = "account"),
            @JsonSubTypes.Type(value = Entity.HostEntity.class, name = "host"),
            @JsonSubTypes.Type(value = Entity.IpEntity.class, name = "ip")})
    private interface EntityTypeMixin {
    }
}
