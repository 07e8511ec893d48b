package io.jobstats.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Global ids: base64url of the type and the parts that name the object; anything else is no id of ours. */
class NodeIdTest {

    @Test
    void anIdReadsBackAsItsTypeAndParts() {
        String id = NodeId.of("TermMarket", "c-sharp", "west-midlands", "2025-05-02", "6", "PERMANENT");
        assertEquals("VGVybU1hcmtldDpjLXNoYXJwL3dlc3QtbWlkbGFuZHMvMjAyNS0wNS0wMi82L1BFUk1BTkVOVA", id);
        NodeId parsed = NodeId.parse(id, "id");
        assertEquals("TermMarket", parsed.type());
        assertEquals(List.of("c-sharp", "west-midlands", "2025-05-02", "6", "PERMANENT"), parsed.parts());
        assertEquals(new NodeId("Category", List.of("Job Titles")), NodeId.parse(NodeId.of("Category", "Job Titles"), "id"));
    }

    @Test
    void textThatIsNoIdIsRefused() {
        for (String text : new String[] {"not base64!", "", NodeId.of("", "x").substring(1), "x".repeat(2000)}) {
            BadUserInputException e = assertThrows(BadUserInputException.class, () -> NodeId.parse(text, "ids"));
            assertEquals("ids", e.argument());
        }
    }
}
