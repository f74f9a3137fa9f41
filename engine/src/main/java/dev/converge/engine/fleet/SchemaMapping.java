package dev.converge.engine.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.converge.engine.diag.SourceSpan;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.source.RenameAnnotation;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.spi.SqlLexer;
import dev.converge.engine.text.NameRewriter;
import java.util.HashMap;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SchemaMapping moves a schema model (and its source model) from one schema name to another: the desired files of a
 * schema-per-tenant project describe one template schema, and each tenant gets the same objects in
 * its own schema. Every qualified name in that schema is renamed, and so is every schema-qualified
 * reference in the SQL text the server deparsed (view bodies, defaults, checks, user-defined types),
 * so the mapped model is exactly what the server would report for the tenant's schema.
 *
 * <p>The model is rewritten through its JSON form (the same form fingerprints hash) rather than
 * record by record, so that kinds of object added to the model later are mapped too: a qualified
 * name is an object with exactly the fields {@code schema} and {@code name}; a schema is an entry
 * of the top-level {@code schemas} list; comments, enum labels and bare names are data, left as they
 * are; any other string is SQL text. A model that does not read
 * back from its JSON fails loudly in this class's test, never silently.
 */
public final class SchemaMapping {
    /** Fields whose text is data or a bare name, never SQL that could qualify a name. */
    private static final Set<String> NOT_SQL = Set.of("comment", "columnComments", "labels", "name", "columns",
            "referencedColumns", "keys", "include", "member", "collation");

    /** Maps whose values are data (comments by column name). */
    private static final Set<String> DATA_MAPS = Set.of("columnComments");

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String from;
    private final String to;
    private final NameRewriter sql;

    /** A mapping that reads SQL text with the dialect's lexer, so that strings and comments keep the old name. */
    public SchemaMapping(String from, String to, SqlLexer lexer) {
        this.from = from;
        this.to = to;
        this.sql = new NameRewriter(lexer);
    }

    public SchemaModel apply(SchemaModel model) {
        if (from.equals(to)) {
            return model;
        }
        try {
            ObjectNode tree = JSON.valueToTree(model);
            JsonNode schemas = tree.get("schemas");
            if (schemas != null) {
                for (JsonNode schema : schemas) {
                    if (from.equals(schema.path("name").asText(null))) {
                        ((ObjectNode) schema).put("name", to);
                    }
                }
            }
            return JSON.treeToValue(rewrite(tree, ""), SchemaModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schema model does not read back from its JSON form", e);
        }
    }

    /**
     * What the files say beyond their SQL, moved the same way: where each object is declared, its
     * rename and allow annotations, the objects ignored, and ignore patterns qualified with the
     * template schema ({@code app.tmp_*} ignores {@code tenant_acme.tmp_*} in that tenant). The
     * statements themselves are not rewritten: they were loaded into the shadow already.
     */
    public SourceModel apply(SourceModel source) {
        if (from.equals(to)) {
            return source;
        }
        Map<ObjectRef, SourceSpan> declarations = new HashMap<>();
        source.declarations().forEach((ref, span) -> declarations.put(ref(ref), span));
        Map<ObjectRef, Set<HazardCode>> allowances = new HashMap<>();
        source.allowances().forEach((ref, codes) -> allowances.put(ref(ref), codes));
        return new SourceModel(source.loadOrder(), declarations,
                source.renames().stream().map(r -> new RenameAnnotation(ref(r.object()), r.oldName(), r.at())).toList(),
                source.ignored().stream().map(this::ref).collect(Collectors.toSet()),
                source.ignorePatterns().stream().map(this::pattern).toList(), allowances, source.dataStatements(),
                routineSettings(source));
    }

    /* The routines move to the tenant's schema, and so does the template schema in their search_path. */
    private Map<QualifiedName, Map<String, String>> routineSettings(SourceModel source) {
        Map<QualifiedName, Map<String, String>> moved = new HashMap<>();
        source.routineSettings().forEach((name, settings) -> {
            Map<String, String> mapped = new HashMap<>(settings);
            mapped.computeIfPresent("search_path", (k, path) -> String.join(", ", java.util.Arrays
                    .stream(path.split(",")).map(String::strip)
                    .map(s -> s.equals(from) || s.equals("\"" + from + "\"") ? "\"" + to + "\"" : s).toList()));
            moved.put(from.equals(name.schema()) ? new QualifiedName(to, name.name()) : name, mapped);
        });
        return moved;
    }

    private ObjectRef ref(ObjectRef ref) {
        if (!from.equals(ref.name().schema())) {
            return ref;
        }
        return new ObjectRef(ref.kind(), new QualifiedName(to, ref.name().name()), ref.member());
    }

    private String pattern(String pattern) {
        return pattern.startsWith(from + ".") ? to + pattern.substring(from.length()) : pattern;
    }

    /** Rewrites the node found under {@code key}: text under a data key stays as it is. */
    private JsonNode rewrite(JsonNode node, String key) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (isQualifiedName(object)) {
                if (from.equals(object.get("schema").asText())) {
                    object.put("schema", to);
                }
                return object;
            }
            if (DATA_MAPS.contains(key)) {
                return object;
            }
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            for (Map.Entry<String, JsonNode> field : fields) {
                object.set(field.getKey(), rewrite(field.getValue(), field.getKey()));
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewrite(array.get(i), key));
            }
            return array;
        }
        if (node.isTextual() && !NOT_SQL.contains(key)) {
            String text = node.asText();
            String mapped = sql.requalify(text, from, to);
            return mapped.equals(text) ? node : TextNode.valueOf(mapped);
        }
        return node;
    }

    private static boolean isQualifiedName(ObjectNode object) {
        return object.size() == 2 && object.has("schema") && object.has("name") && object.get("schema").isTextual();
    }
}
