package io.jobstats.ads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobstats.CalendarConfig;
import io.jobstats.counts.LoadCounts;
import io.jobstats.pacing.Pacing;
import io.jobstats.text.BoundedLines;
import io.jobstats.text.Csv;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads a stream of ads (NDJSON or CSV) batch by batch: while one batch is written to PostgreSQL the next is
 * parsed and normalised on the other cores. A bad line is rejected alone; a failure of the database stops the
 * load, keeps every batch already committed and says so in the report, so the same file can simply be re-sent.
 */
@ApplicationScoped
public class AdIngestService {

    private static final Logger LOG = Logger.getLogger(AdIngestService.class);

    @Name("LoadFormat")
    @Description("What a load was sent as.")
    public enum Format {
        @Description("JSON lines (POST /ads as application/x-ndjson or JSON, and loadAds).") NDJSON,
        @Description("CSV with a header row (POST /ads as text/csv).") CSV
    }

    @Inject
    AdNormaliser normaliser;

    @Inject
    AdWriter writer;

    @Inject
    LoadCounts loadCounts;

    @Inject
    IngestConfig config;

    @Inject
    CalendarConfig calendar;

    @Inject
    LoadMetrics metrics;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    Pacing pacing;

    private final ExecutorService writerThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ad-writer");
        t.setDaemon(true);
        return t;
    });

    public LoadReport load(InputStream body, Format format) {
        Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        Load load = new Load(format);
        try {
            if (format == Format.CSV) {
                readCsv(reader, load);
            } else {
                readNdjson(reader, load);
            }
            load.flush();
            load.awaitWrite();
        } catch (LoadFailed e) {
            load.error = e.getMessage();
        } catch (IOException | RuntimeException e) {
            load.error = "reading the request failed after line " + load.linesRead + ": " + e.getMessage();
            try {
                load.awaitWrite();
            } catch (LoadFailed ignored) {
                // The reading error is the one to report.
            }
        }
        try {
            loadCounts.compact(load.counts);
        } catch (SQLException | RuntimeException e) {
            // The figures stay right without it (they read the deltas too), only slower until the next start folds them.
            LOG.warn("Could not fold the load's term counts together", e);
        }
        if (load.added + load.replaced >= config.vacuumAfter()) {
            vacuum();
        }
        LoadReport report = load.report();
        record(report, load.started, format);
        metrics.loaded(report, format, load.started);
        return report;
    }

    /**
     * After a large load, marks the new rows visible to all so the market table's figures can be read from the
     * universe index alone (and refreshes the planner's statistics), rather than waiting for autovacuum.
     */
    private void vacuum() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM (ANALYZE) ad_fact");
        } catch (SQLException e) {
            LOG.warn("Could not vacuum ad_fact after the load; autovacuum will", e);
        }
    }

    private void readNdjson(Reader in, Load load) throws IOException {
        BoundedLines lines = new BoundedLines(in, config.maxLineLength());
        BoundedLines.Line line;
        long number = 0;
        while ((line = lines.next()) != null) {
            number++;
            if (line.tooLong()) {
                load.linesRead++;
                load.reject(LoadReport.Rejection.of(number, RejectionCode.TOO_LONG, "the line is " + line.length() + " characters long; at most " + config.maxLineLength()
                        + " are read (jobstats.ingest.max-line-length)"));
                continue;
            }
            if (line.text().isBlank()) {
                continue;
            }
            load.linesRead++;
            load.pending(number, line.text());
        }
    }

    private void readCsv(Reader in, Load load) {
        Csv csv = new Csv(in, config.maxLineLength());
        List<String> header;
        try {
            header = csv.next();
        } catch (Csv.MalformedCsvException e) {
            load.error = "the CSV header (line " + e.line + ") could not be read: " + e.getMessage() + "; nothing was loaded";
            return;
        }
        if (header == null) {
            return;
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        List<String> missing = AdValidator.REQUIRED.stream().filter(c -> header.stream().noneMatch(h -> h.trim().equals(c))).toList();
        if (!missing.isEmpty()) {
            load.error = "the CSV header lacks the required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (it has: " + String.join(", ", header) + "); nothing was loaded";
            return;
        }
        while (true) {
            List<String> row;
            try {
                row = csv.next();
            } catch (Csv.RecordTooLongException e) {
                load.linesRead++;
                load.reject(LoadReport.Rejection.of(e.line, RejectionCode.TOO_LONG, e.getMessage()));
                continue;
            } catch (Csv.MalformedCsvException e) {
                load.linesRead++;
                load.reject(LoadReport.Rejection.of(e.line, RejectionCode.MALFORMED,
                        e.getMessage() + "; the rest of the input could not be read"));
                return;
            }
            if (row == null) {
                return;
            }
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            load.linesRead++;
            if (row.size() != header.size()) {
                load.reject(LoadReport.Rejection.of(csv.recordLine(), RejectionCode.MALFORMED,
                        "expected " + header.size() + " cells as in the header, found " + row.size()));
                continue;
            }
            Map<String, String> cells = new HashMap<>(header.size() * 2);
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i).trim(), row.get(i));
            }
            load.pending(csv.recordLine(), cells);
        }
    }

    private Object parse(long line, Object raw, AdValidator.DateRange dates) {
        try {
            AdLine ad;
            if (raw instanceof String json) {
                JsonNode node;
                try {
                    node = mapper.readTree(json);
                } catch (JsonProcessingException e) {
                    return LoadReport.Rejection.of(line, RejectionCode.MALFORMED, "not valid JSON: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    return LoadReport.Rejection.of(line, RejectionCode.MALFORMED, "not a JSON object");
                }
                ad = AdValidator.validate(line, AdValidator.json(node), dates);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, String> cells = (Map<String, String>) raw;
                ad = AdValidator.validate(line, AdValidator.csv(cells), dates);
            }
            return normaliser.prepare(ad);
        } catch (AdValidator.Rejected e) {
            return new LoadReport.Rejection(Math.toIntExact(line), e.field, e.code, e.getMessage());
        }
    }

    private void record(LoadReport r, Instant started, Format format) {
        try {
            LoadRecord record = LoadRecord.of(r, started, format, mapper);
            QuarkusTransaction.requiringNew().run(record::persist);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Could not record a load report", e);
        }
    }

    private static final class LoadFailed extends RuntimeException {
        LoadFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The state of one load. */
    private final class Load {
        final Instant started = Instant.now();
        final Format format;
        long linesRead;
        long added;
        long replaced;
        long rejected;
        long unrecognisedTitles;
        long unresolvedLocations;
        long withoutSalary;
        long unknownSkills;
        long committedThroughLine;
        final List<LoadReport.Rejection> rejections = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        final List<Object> raws = new ArrayList<>();
        Future<AdWriter.Result> writing;
        final LoadCounts.Load counts = loadCounts.begin();
        final AdValidator.DateRange dates = new AdValidator.DateRange(config.earliestDate(),
                calendar.today().plusDays(1));
        long writingThroughLine;
        String error;
        /** Parsing and writing since the load last gave way to readers. */
        Pacing.Step step = pacing.start();

        Load(Format format) {
            this.format = format;
        }

        void pending(long line, Object raw) {
            lines.add(line);
            raws.add(raw);
            if (raws.size() >= config.batchSize()) {
                flush();
            }
        }

        void reject(LoadReport.Rejection rejection) {
            rejected++;
            if (rejections.size() < config.maxReportedRejections()) {
                rejections.add(rejection);
            }
        }

        /** Parses and normalises the pending lines in parallel, then hands them to the writer thread. */
        void flush() {
            if (raws.isEmpty()) {
                return;
            }
            int n = raws.size();
            Object[] results = new Object[n];
            java.util.stream.IntStream.range(0, n).parallel()
                    .forEach(i -> results[i] = parse(lines.get(i), raws.get(i), dates));
            long lastLine = lines.get(n - 1);
            lines.clear();
            raws.clear();
            List<PreparedAd> batch = new ArrayList<>(n);
            Set<String> keys = new HashSet<>();
            for (Object r : results) {
                if (r instanceof LoadReport.Rejection rej) {
                    reject(rej);
                    continue;
                }
                PreparedAd p = (PreparedAd) r;
                if (!keys.add(p.ad().key())) {
                    // The same ad twice in one batch: the later line wins, in a batch of its own.
                    submit(batch, p.ad().lineNumber() - 1);
                    batch = new ArrayList<>();
                    keys.clear();
                    keys.add(p.ad().key());
                }
                batch.add(p);
                if (p.roleId() == null) {
                    unrecognisedTitles++;
                }
                if (!p.region().resolved()) {
                    unresolvedLocations++;
                }
                if (p.salaryPoint() == null) {
                    withoutSalary++;
                }
                unknownSkills += p.unknownSkills();
            }
            submit(batch, lastLine);
        }

        /** Once the batch before is written: gives way to readers (Pacing), then has the writer write this one. */
        void submit(List<PreparedAd> batch, long throughLine) {
            awaitWrite();
            pacing.pause(step, "load");
            step = pacing.start();
            writingThroughLine = throughLine;
            writing = writerThread.submit(() -> writer.write(batch, counts));
        }

        void awaitWrite() {
            if (writing == null) {
                return;
            }
            try {
                AdWriter.Result r = writing.get();
                added += r.added();
                replaced += r.replaced();
                committedThroughLine = writingThroughLine;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadFailed("the load was interrupted", e);
            } catch (ExecutionException e) {
                LOG.error("A batch of ads could not be stored", e.getCause());
                throw new LoadFailed("storing the batch after line " + committedThroughLine + " failed: "
                        + e.getCause().getMessage() + "; every line up to " + committedThroughLine
                        + " is stored, re-send the input to load the rest", e.getCause());
            } finally {
                writing = null;
            }
        }

        LoadReport report() {
            // int in the report: a single request of over two billion lines is refused here rather than miscounted.
            return new LoadReport(Math.toIntExact(linesRead), Math.toIntExact(added), Math.toIntExact(replaced),
                    Math.toIntExact(rejected), List.copyOf(rejections), Math.toIntExact(unrecognisedTitles),
                    Math.toIntExact(unresolvedLocations), Math.toIntExact(withoutSalary), Math.toIntExact(unknownSkills),
                    error == null, error);
        }
    }
}
