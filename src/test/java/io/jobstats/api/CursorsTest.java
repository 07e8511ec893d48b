package io.jobstats.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A connection's cursor gives back its position; another connection's, or anything else, is BAD_USER_INPUT. */
class CursorsTest {

    @Test
    void aCursorGivesBackItsPosition() {
        assertEquals(41, Cursors.position("term", Cursors.of("term", 41)));
        assertEquals(7, Cursors.position("load", Cursors.of("load", 7)));
        assertEquals("dGVybTo0MQ", Cursors.of("term", 41));
    }

    @Test
    void othersAreRefused() {
        for (String cursor : new String[] {Cursors.of("load", 7), "not a cursor", Cursors.of("term", -1), "", "dGVybTp4"}) {
            assertThrows(BadUserInputException.class, () -> Cursors.position("term", cursor), cursor);
        }
    }
}
