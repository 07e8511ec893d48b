package io.jobstats.api;

import io.jobstats.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The served schema, read by introspection as any client tool reads it, follows the conventions clients rely on:
 * everything described, no Java names or unused types, scalars that state their format, entities with ids.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SchemaConventionsTest {

    private static final Set<String> BUILT_IN = Set.of("String", "Int", "Float", "Boolean", "ID");

    /** graphql-js' introspection query, as GraphiQL sends it: it also asks for scalars' specifiedByURL. */
    private static List<Map<String, Object>> types() {
        try {
            String query = Files.readString(Path.of("src/test/resources/introspection/graphql-js.graphql"), StandardCharsets.UTF_8);
            return given().contentType("application/json").body(Map.of("query", query))
                    .post("/graphql").then().statusCode(200).extract().path("data.__schema.types");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean described(Map<String, Object> element) {
        return element.get("description") instanceof String d && !d.isBlank();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> type, String key) {
        Object v = type.get(key);
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }

    @Test
    void everyTypeFieldArgumentInputFieldAndEnumValueIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        int checked = 0;
        for (Map<String, Object> type : types()) {
            String name = (String) type.get("name");
            if (name.startsWith("__") || BUILT_IN.contains(name)) {
                continue;
            }
            checked++;
            if (!described(type)) {
                undescribed.add(name);
            }
            for (Map<String, Object> field : list(type, "fields")) {
                checked++;
                if (!described(field)) {
                    undescribed.add(name + "." + field.get("name"));
                }
                for (Map<String, Object> arg : list(field, "args")) {
                    checked++;
                    if (!described(arg)) {
                        undescribed.add(name + "." + field.get("name") + "(" + arg.get("name") + ")");
                    }
                }
            }
            for (Map<String, Object> input : list(type, "inputFields")) {
                checked++;
                if (!described(input)) {
                    undescribed.add(name + "." + input.get("name"));
                }
            }
            for (Map<String, Object> value : list(type, "enumValues")) {
                checked++;
                if (!described(value)) {
                    undescribed.add(name + "." + value.get("name"));
                }
            }
        }
        assertTrue(checked > 250, "only " + checked + " schema elements were read");
        assertEquals(List.of(), undescribed, "schema elements without a description");
    }

    @Test
    void noJavaNamesNorUnusedScalars() {
        List<String> names = types().stream().map(t -> (String) t.get("name")).toList();
        for (String javaName : List.of("PeriodOut", "BigDecimal", "BigInteger", "ScopedFigures", "TermType")) {
            assertTrue(!names.contains(javaName), javaName + " is in the schema");
        }
        assertTrue(names.contains("Period"), names.toString());
    }

    @Test
    void dateStatesItsFormat() {
        Map<String, Object> date = types().stream().filter(t -> "Date".equals(t.get("name"))).findFirst().orElseThrow();
        assertEquals("https://scalars.graphql.org/andimarek/local-date.html", date.get("specifiedByURL"));
        assertTrue(((String) date.get("description")).contains("YYYY-MM-DD"), (String) date.get("description"));
    }

    @Test
    void entitiesImplementNode() {
        for (String entity : List.of("Role", "Skill", "Region", "Category", "MarketSummary", "TermMarket")) {
            Map<String, Object> type = types().stream().filter(t -> entity.equals(t.get("name"))).findFirst().orElseThrow();
            List<String> interfaces = list(type, "interfaces").stream().map(i -> (String) i.get("name")).toList();
            assertTrue(interfaces.contains("Node"), entity + " implements " + interfaces);
            assertTrue(list(type, "fields").stream().anyMatch(f -> "id".equals(f.get("name"))), entity + " has no id");
        }
    }
}
