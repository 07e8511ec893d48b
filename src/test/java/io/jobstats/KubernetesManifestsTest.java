package io.jobstats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * k8s/ as an operator applies it: both overlays and the database rendered by kustomize ({@code kubectl kustomize},
 * which .ci/run's machine has), every object of the Kubernetes API read into its fabric8 type with no field the API
 * lacks, the CloudNativePG objects checked field by field, and the hardening rules of the README asserted. A broken
 * manifest fails the build.
 */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The Kubernetes API's kinds the manifests may hold, by apiVersion/kind. */
    private static final Map<String, Class<?>> TYPES = Map.of(
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    /** The operator's kinds (no fabric8 type): checked by {@link #theDatabaseIsAThreeInstanceClusterWithBackups}. */
    private static final Set<String> CLOUDNATIVE_PG = Set.of("postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/ScheduledBackup", "barmancloud.cnpg.io/v1/ObjectStore");

    static Map<String, List<JsonNode>> rendered = new LinkedHashMap<>();

    @BeforeAll
    static void render() throws Exception {
        for (String dir : List.of("k8s/overlays/jvm", "k8s/overlays/native", "k8s/database")) {
            rendered.put(dir, kustomize(dir));
        }
    }

    @Test
    void everyObjectIsOfTheKubernetesApiWithNoUnknownField() throws Exception {
        for (Map.Entry<String, List<JsonNode>> e : rendered.entrySet()) {
            for (JsonNode doc : e.getValue()) {
                String kind = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
                String where = e.getKey() + ": " + kind + " " + doc.path("metadata").path("name").asText();
                assertFalse(doc.path("metadata").path("name").asText().isEmpty(), where + " has no name");
                if (CLOUDNATIVE_PG.contains(kind)) {
                    continue;
                }
                Class<?> type = TYPES.get(kind);
                assertNotNull(type, where + ": not a kind these manifests may hold");
                List<String> unknown = new ArrayList<>();
                unknownFields(YAML.treeToValue(doc, type), "", unknown, new IdentityHashMap<>());
                assertEquals(List.of(), unknown, where + ": fields the Kubernetes API does not have");
            }
        }
    }

    @Test
    void podsAreHardened() throws IOException {
        Duration shutdown = prodDuration("quarkus.shutdown.delay").plus(prodDuration("quarkus.shutdown.timeout"));
        for (String overlay : List.of("k8s/overlays/jvm", "k8s/overlays/native")) {
            Deployment d = one(overlay, Deployment.class);
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            String where = overlay + ": ";
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), where + "runAsNonRoot");
            assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), where + "seccomp");
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), where + "no service account token");
            assertTrue(pod.getTerminationGracePeriodSeconds() > shutdown.toSeconds(),
                    where + "the grace period outlasts quarkus.shutdown.delay + timeout (" + shutdown + ")");
            assertTrue(pod.getTopologySpreadConstraints().stream()
                    .anyMatch(t -> t.getTopologyKey().equals("kubernetes.io/hostname")), where + "spread across nodes");
            assertEquals(1, pod.getContainers().size());
            Container c = pod.getContainers().get(0);
            assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), where + "no escalation");
            assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), where + "read-only root");
            assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), where + "capabilities dropped");
            String tmpVolume = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": /tmp is not writable")).getName();
            assertNotNull(pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow()
                    .getEmptyDir(), where + "/tmp is an emptyDir");
            assertNotNull(c.getStartupProbe(), where + "startup probe");
            assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath());
            assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
            assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
            for (String r : List.of("cpu", "memory")) {
                assertNotNull(c.getResources().getRequests().get(r), where + "request " + r);
                assertNotNull(c.getResources().getLimits().get(r), where + "limit " + r);
            }
            // The pod's own objects find it: service, budget, autoscaler, network policy.
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(labels.entrySet().containsAll(one(overlay, Service.class).getSpec().getSelector().entrySet()));
            PodDisruptionBudget pdb = one(overlay, PodDisruptionBudget.class);
            assertTrue(labels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()));
            assertTrue(pdb.getSpec().getMinAvailable().getIntVal() < d.getSpec().getReplicas(), where + "a drain can proceed");
            HorizontalPodAutoscaler hpa = one(overlay, HorizontalPodAutoscaler.class);
            assertEquals(d.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
            assertEquals("cpu", hpa.getSpec().getMetrics().get(0).getResource().getName());
            assertTrue(hpa.getSpec().getMinReplicas() >= 2, where + "two pods at least");
            NetworkPolicy policy = one(overlay, NetworkPolicy.class);
            assertTrue(labels.entrySet().containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet()));
            assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
            assertEquals(one(overlay, Service.class).getMetadata().getName(),
                    one(overlay, Ingress.class).getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend()
                            .getService().getName());
        }
    }

    /** The native executable reads no container limit: its heap is explicit and below the limit. */
    @Test
    void theOverlaysDifferOnlyInImageAndMemory() throws IOException {
        Container jvm = container("k8s/overlays/jvm");
        Container nat = container("k8s/overlays/native");
        assertTrue(jvm.getImage().contains("jobstats-jvm"), jvm.getImage());
        assertTrue(nat.getImage().contains("jobstats-native"), nat.getImage());
        assertEquals("50", env(jvm, "JAVA_MAX_MEM_RATIO"));
        String xmx = nat.getArgs().stream().filter(a -> a.startsWith("-Xmx")).findFirst()
                .orElseThrow(() -> new AssertionError("the native overlay gives no -Xmx"));
        BigDecimal heap = Quantity.getAmountInBytes(new Quantity(xmx.substring(4, xmx.length() - 1),
                xmx.endsWith("m") ? "Mi" : "Gi"));
        BigDecimal limit = Quantity.getAmountInBytes(nat.getResources().getLimits().get("memory"));
        assertTrue(heap.compareTo(limit.multiply(new BigDecimal("0.8"))) <= 0, xmx + " leaves too little of " + limit);

        List<JsonNode> jvmDocs = withoutImageAndMemory(rendered.get("k8s/overlays/jvm"));
        List<JsonNode> nativeDocs = withoutImageAndMemory(rendered.get("k8s/overlays/native"));
        assertEquals(jvmDocs, nativeDocs);
    }

    @Test
    void theDatabaseIsAThreeInstanceClusterWithBackups() throws IOException {
        List<JsonNode> db = rendered.get("k8s/database");
        JsonNode cluster = kind(db, "Cluster");
        String name = cluster.path("metadata").path("name").asText();
        assertEquals(3, cluster.path("spec").path("instances").asInt());
        assertEquals("jobstats", cluster.path("spec").path("bootstrap").path("initdb").path("database").asText());
        assertTrue(cluster.path("spec").path("affinity").path("enablePodAntiAffinity").asBoolean());
        JsonNode plugin = cluster.path("spec").path("plugins").get(0);
        assertTrue(plugin.path("isWALArchiver").asBoolean());
        assertEquals(kind(db, "ObjectStore").path("metadata").path("name").asText(),
                plugin.path("parameters").path("barmanObjectName").asText());
        JsonNode backup = kind(db, "ScheduledBackup");
        assertEquals(name, backup.path("spec").path("cluster").path("name").asText());
        assertEquals("plugin", backup.path("spec").path("method").asText());
        assertEquals(plugin.path("name").asText(), backup.path("spec").path("pluginConfiguration").path("name").asText());
        assertEquals(6, backup.path("spec").path("schedule").asText().split(" ").length, "CloudNativePG's six fields");

        // The app reaches that cluster: its read-write service, its generated credentials, its pods.
        for (String overlay : List.of("k8s/overlays/jvm", "k8s/overlays/native")) {
            assertTrue(one(overlay, ConfigMap.class).getData().get("QUARKUS_DATASOURCE_JDBC_URL")
                    .startsWith("jdbc:postgresql://" + name + "-rw:5432/"), overlay);
            assertEquals(name + "-app", container(overlay).getEnv().stream()
                    .filter(v -> v.getName().equals("QUARKUS_DATASOURCE_PASSWORD")).findFirst().orElseThrow()
                    .getValueFrom().getSecretKeyRef().getName());
            assertEquals(name, one(overlay, NetworkPolicy.class).getSpec().getEgress().get(0).getTo().get(0)
                    .getPodSelector().getMatchLabels().get("cnpg.io/cluster"));
        }
        NetworkPolicy dbPolicy = YAML.treeToValue(kind(db, "NetworkPolicy"), NetworkPolicy.class);
        assertEquals(name, dbPolicy.getSpec().getPodSelector().getMatchLabels().get("cnpg.io/cluster"));
    }

    private static List<JsonNode> kustomize(String dir) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", dir).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl (with its kustomize) is needed to render k8s/: " + e.getMessage(), e);
        }
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize " + dir + " did not end");
        if (p.exitValue() != 0) {
            fail("kubectl kustomize " + dir + " failed: " + err);
        }
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).readValues(out)) {
            while (it.hasNext()) {
                JsonNode doc = (JsonNode) it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        assertFalse(docs.isEmpty(), dir + " rendered nothing");
        return docs;
    }

    /** Every non-empty additionalProperties map of a fabric8 object graph: fields its type does not have. */
    private static void unknownFields(Object o, String path, List<String> unknown, Map<Object, Boolean> seen) throws Exception {
        if (o == null || seen.put(o, true) != null) {
            return;
        }
        if (o instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey(), unknown, seen);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = m.invoke(o);
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> unknown.add(path + "." + k));
                }
            } else {
                unknownFields(value, path + "." + m.getName().substring(3), unknown, seen);
            }
        }
    }

    /** The rendered objects less what the overlays may set: the image, heap options, resources, start-up budget. */
    private static List<JsonNode> withoutImageAndMemory(List<JsonNode> docs) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode doc : docs) {
            JsonNode copy = doc.deepCopy();
            if (copy.path("kind").asText().equals("Deployment")) {
                for (JsonNode c : copy.path("spec").path("template").path("spec").path("containers")) {
                    ObjectNode container = (ObjectNode) c;
                    container.remove(List.of("image", "args", "resources"));
                    ((ObjectNode) container.path("startupProbe")).remove("failureThreshold");
                    if (container.has("env")) {
                        var env = (com.fasterxml.jackson.databind.node.ArrayNode) container.get("env");
                        for (int i = env.size() - 1; i >= 0; i--) {
                            if (env.get(i).path("name").asText().startsWith("JAVA_")) {
                                env.remove(i);
                            }
                        }
                    }
                }
            }
            out.add(copy);
        }
        return out;
    }

    private static <T> T one(String dir, Class<T> type) throws IOException {
        String kind = type.getSimpleName();
        return YAML.treeToValue(kind(rendered.get(dir), kind), type);
    }

    private static JsonNode kind(List<JsonNode> docs, String kind) {
        List<JsonNode> found = docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }

    private static Container container(String overlay) throws IOException {
        return one(overlay, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static String env(Container c, String name) {
        return c.getEnv().stream().filter(v -> v.getName().equals(name)).map(EnvVar::getValue).findFirst().orElse(null);
    }

    /** A production setting of application.properties, as a duration ("5s"). */
    private static Duration prodDuration(String key) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            p.load(in);
        }
        String value = p.getProperty("%prod." + key, p.getProperty(key));
        assertNotNull(value, key);
        return Duration.parse("PT" + value.toUpperCase());
    }
}
