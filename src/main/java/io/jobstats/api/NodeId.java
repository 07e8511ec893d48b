package io.jobstats.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A global id: the object's type and the parts that name it, made of what is stable across releases (slugs, names,
 * dates), not of the reference data's database keys, which a new taxonomy can renumber (a load's id is its row in
 * the load history, which nothing renumbers). "Region:birmingham" is encoded as
 * base64url("Region:birmingham") = "UmVnaW9uOmJpcm1pbmdoYW0"; parts are joined by '/', which no slug or category
 * name holds.
 */
record NodeId(String type, List<String> parts) {

    private static final int MAX_LENGTH = 1024;

    static String of(String type, String... parts) {
        String plain = type + ":" + String.join("/", parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The id's type and parts; BAD_USER_INPUT for text no node of this service was ever given. */
    static NodeId parse(String id, String argument) {
        String plain;
        try {
            if (id.length() > MAX_LENGTH) {
                throw new IllegalArgumentException();
            }
            plain = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notAnId(id, argument);
        }
        int colon = plain.indexOf(':');
        if (colon <= 0) {
            throw notAnId(id, argument);
        }
        return new NodeId(plain.substring(0, colon), Arrays.asList(plain.substring(colon + 1).split("/", -1)));
    }

    private static BadUserInputException notAnId(String id, String argument) {
        String shown = id.length() > 60 ? id.substring(0, 60) + "..." : id;
        return new BadUserInputException(argument, "'" + shown + "' is not an id this service gave out");
    }
}
