-- The salary points of each day's ads by type and term (term 0: every ad), each with its ad's position: the distinct
-- (position, point) pairs and their counts in PlacedPointsEncoding. A period's edge days, the days of the half
-- months it cuts, are read from here for the regions with kept counts (a region's range of positions picks its ads),
-- instead of from ad_fact, where a UK page read every ad of those days, some 20,000 at 10M ads, to test each for the
-- term: a half of PostgreSQL's time for a level-first page. All regions share a day's row, so only the days are
-- kept, not the regions: on 10M ads about 4.5 million rows.
-- Keyed by the day first, so that a recount writes its half month's rows side by side and deletes them by range; a
-- term's edge days are then read from a few thousand index entries.
-- Written by the recount of the half month (SalaryCountStore) and stale with it.
CREATE TABLE salary_point_day (
    employment smallint NOT NULL,
    day        date     NOT NULL,
    term_id    integer  NOT NULL,
    points     bytea    NOT NULL,
    PRIMARY KEY (employment, day, term_id)
);
ALTER TABLE salary_point_day ALTER COLUMN points SET STORAGE EXTERNAL;

-- Every half month held is recounted at the service's next start, which fills its rows.
INSERT INTO salary_count_stale (employment, bucket, last_day)
SELECT DISTINCT employment, b,
       CASE WHEN extract(day FROM b) = 1 THEN b + 14 ELSE (date_trunc('month', b) + interval '1 month')::date - 1 END
FROM (SELECT employment,
             date_trunc('month', posted_on)::date + CASE WHEN extract(day FROM posted_on) > 15 THEN 15 ELSE 0 END AS b
      FROM ad_fact) f
ON CONFLICT DO NOTHING;
