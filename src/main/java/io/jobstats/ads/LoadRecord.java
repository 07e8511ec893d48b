package io.jobstats.ads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * One load as it is kept in the history (table load_report): when it ran, in which format, and its report. A plain
 * row read and written one at a time, so Hibernate ORM with Panache; the ads themselves go in by COPY (AdWriter).
 */
@Entity
@Table(name = "load_report")
public class LoadRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    @Column(nullable = false)
    public String format;

    @Column(name = "lines_read", nullable = false)
    public long linesRead;

    @Column(name = "ads_added", nullable = false)
    public long adsAdded;

    @Column(name = "ads_replaced", nullable = false)
    public long adsReplaced;

    @Column(name = "lines_rejected", nullable = false)
    public long linesRejected;

    @Column(name = "unrecognised_titles", nullable = false)
    public long unrecognisedTitles;

    @Column(name = "unresolved_locations", nullable = false)
    public long unresolvedLocations;

    @Column(name = "without_salary", nullable = false)
    public long withoutSalary;

    @Column(name = "unknown_skills", nullable = false)
    public long unknownSkills;

    /** The first rejections, as the JSON array of the report's. */
    @Column(name = "first_rejections", nullable = false)
    public String firstRejections;

    @Column(nullable = false)
    public boolean completed;

    public String error;

    private static final TypeReference<List<LoadReport.Rejection>> REJECTIONS = new TypeReference<>() {
    };

    static LoadRecord of(LoadReport r, Instant started, AdIngestService.Format format, ObjectMapper mapper)
            throws JsonProcessingException {
        LoadRecord l = new LoadRecord();
        l.startedAt = started;
        l.finishedAt = Instant.now();
        l.format = format.name();
        l.linesRead = r.linesRead();
        l.adsAdded = r.adsAdded();
        l.adsReplaced = r.adsReplaced();
        l.linesRejected = r.linesRejected();
        l.unrecognisedTitles = r.unrecognisedTitles();
        l.unresolvedLocations = r.unresolvedLocations();
        l.withoutSalary = r.withoutValidSalary();
        l.unknownSkills = r.unknownSkills();
        l.firstRejections = mapper.writeValueAsString(r.rejections());
        l.completed = r.completed();
        l.error = r.error();
        return l;
    }

    /** The report as the load answered it (rejections kept before codes existed have none). */
    public LoadReport report(ObjectMapper mapper) {
        List<LoadReport.Rejection> rejections;
        try {
            rejections = mapper.readValue(firstRejections, REJECTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("load_report " + id + " holds rejections that are not JSON", e);
        }
        return new LoadReport(Math.toIntExact(linesRead), Math.toIntExact(adsAdded), Math.toIntExact(adsReplaced),
                Math.toIntExact(linesRejected), rejections, Math.toIntExact(unrecognisedTitles),
                Math.toIntExact(unresolvedLocations), Math.toIntExact(withoutSalary), Math.toIntExact(unknownSkills),
                completed, error);
    }

    /** A page of the history, newest first: the loads before {@code beforeId} (all when null). */
    public static List<LoadRecord> newestBefore(Long beforeId, int limit) {
        return (beforeId == null ? find("order by id desc") : find("id < ?1 order by id desc", beforeId))
                .page(0, limit).list();
    }
}
