package io.jobstats.ingest;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.util.Locale;

/** {@code POST /ads}: a stream of ads as NDJSON or CSV (by Content-Type, or {@code ?format=}); answers the load report. */
@Path("/ads")
public class AdsResource {

    @Inject
    AdIngestService ingest;

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response load(InputStream body, @HeaderParam("Content-Type") String contentType, @QueryParam("format") String format) {
        AdIngestService.Format f;
        String chosen = format != null ? format.toLowerCase(Locale.ROOT) : contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (chosen.contains("csv")) {
            f = AdIngestService.Format.CSV;
        } else if (chosen.isEmpty() || chosen.contains("ndjson") || chosen.contains("json") || chosen.contains("jsonl")
                || chosen.startsWith("text/plain")) {
            f = AdIngestService.Format.NDJSON;
        } else {
            return Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE)
                    .entity(new Problem("Send ads as application/x-ndjson or text/csv (AD-FORMAT.md), not " + chosen))
                    .build();
        }
        LoadReport report = ingest.load(body, f);
        // A load stopped by the database still committed what the report counts: 500 with the report, not a bare error.
        return Response.status(report.completed() ? 200 : 500).entity(report).build();
    }

    public record Problem(String error) {
    }
}
