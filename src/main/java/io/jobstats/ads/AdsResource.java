package io.jobstats.ads;

import io.jobstats.security.SecurityConfig;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.util.Locale;

/**
 * {@code POST /ads}: a stream of ads as NDJSON or CSV, by Content-Type; answers the load report. Needs a token with the
 * role loader. Only types a browser cannot send cross-site without asking first are served: text/plain and the form
 * encodings are refused (415), so no web page can post ads through a visitor's browser.
 */
@Path("/ads")
public class AdsResource {

    @Inject
    AdIngestService ingest;

    @POST
    @Blocking
    @RolesAllowed(SecurityConfig.LOADER)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response load(InputStream body, @HeaderParam("Content-Type") String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        AdIngestService.Format format = switch (type) {
            case "text/csv" -> AdIngestService.Format.CSV;
            case "application/x-ndjson", "application/jsonl", "application/json" -> AdIngestService.Format.NDJSON;
            default -> null;
        };
        if (format == null) {
            return Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE)
                    .entity(new Problem("Send ads as application/x-ndjson (one JSON object a line) or text/csv "
                            + "(a header line first), not '"
                            + (contentType == null ? "no Content-Type" : contentType) + "'"))
                    .build();
        }
        LoadReport report = ingest.load(body, format);
        if (report.refused()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(report).build();
        }
        // A load stopped by the database still committed what the report counts: 500 with the report, not a bare error.
        return Response.status(report.completed() ? 200 : 500).entity(report).build();
    }

    public record Problem(String error) {
    }
}
