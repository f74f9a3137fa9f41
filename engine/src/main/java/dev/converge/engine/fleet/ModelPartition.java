package dev.converge.engine.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.engine.model.SchemaModel;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * ModelPartition splits the model of many schemas into one model per schema. A fleet of tenant
 * schemas in one database is inspected in ONE bulk inspection and split here: inspecting each
 * tenant alone costs a pass over the whole catalog per tenant (the catalogs hold every tenant), so
 * 1,000 tenants would cost 1,000 passes; one inspection and a split cost one.
 *
 * <p>Like {@link SchemaMapping} it works on the model's JSON form, so kinds of object added to the
 * model later are split too: an object belongs to the schema of its {@code name} when that is a
 * qualified name, else of its {@code table} (a foreign key, a trigger); a schema entry to itself.
 * An object that has neither fails loudly.
 */
public final class ModelPartition {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ModelPartition() {
    }

    /** The model of each schema present in {@code model}; a schema with no objects is absent. */
    public static Map<String, SchemaModel> bySchema(SchemaModel model) {
        ObjectNode tree = JSON.valueToTree(model);
        Map<String, ObjectNode> parts = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> list = it.next();
            if (!list.getValue().isArray()) {
                continue;
            }
            for (JsonNode element : list.getValue()) {
                String owner = owner(list.getKey(), element);
                parts.computeIfAbsent(owner, s -> emptyLike(tree)).withArray(list.getKey()).add(element);
            }
        }
        Map<String, SchemaModel> out = new HashMap<>();
        try {
            for (Map.Entry<String, ObjectNode> part : parts.entrySet()) {
                out.put(part.getKey(), JSON.treeToValue(part.getValue(), SchemaModel.class));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schema model does not read back from its JSON form", e);
        }
        return out;
    }

    private static String owner(String list, JsonNode element) {
        if (list.equals("schemas")) {
            return element.path("name").asText();
        }
        for (String field : new String[] {"name", "table"}) {
            JsonNode name = element.get(field);
            if (name != null && name.isObject() && name.path("schema").isTextual()) {
                return name.get("schema").asText();
            }
        }
        throw new IllegalStateException("cannot tell which schema owns an entry of '" + list + "': " + element);
    }

    private static ObjectNode emptyLike(ObjectNode tree) {
        ObjectNode empty = JSON.createObjectNode();
        tree.fields().forEachRemaining(f -> {
            if (f.getValue().isArray()) {
                empty.putArray(f.getKey());
            } else {
                empty.set(f.getKey(), f.getValue());
            }
        });
        return empty;
    }
}
