package io.jobstats.ads;

import org.eclipse.microprofile.graphql.Description;

/** Why a line was rejected, as a client can act on it; the reason's text says the details. */
@Description("Why a line or ad was rejected.")
public enum RejectionCode {
    @Description("A required field is missing or blank.") REQUIRED,
    @Description("A field or the whole line is longer than allowed.") TOO_LONG,
    @Description("The line is not valid JSON or CSV, or a field has the wrong type or format.") MALFORMED,
    @Description("A field's value is not one of those allowed.") INVALID_VALUE,
    @Description("A date or amount lies outside the range accepted.") OUT_OF_RANGE,
    @Description("Two fields disagree: closesOn before postedOn, salary min above max.") INCONSISTENT
}
