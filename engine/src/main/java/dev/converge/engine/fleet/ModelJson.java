package dev.converge.engine.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.converge.engine.model.SchemaModel;

/**
 * ModelJson writes a schema model as the JSON snapshot kept in history, and reads it back for drift
 * checks. Fields unknown to this version (a snapshot written by a newer Converge) are ignored.
 */
public final class ModelJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ModelJson() {
    }

    public static String write(SchemaModel model) {
        try {
            return JSON.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a schema model", e);
        }
    }

    public static SchemaModel read(String json) {
        try {
            return JSON.readValue(json, SchemaModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a desired-state snapshot in history is not a schema model: "
                    + e.getOriginalMessage(), e);
        }
    }
}
