-- Co-occurrences kept per counted region, employment type, half month and term: the ads of the half month featuring
-- the term, counted under each term they feature (the term itself included: its ads). A period's co-occurrences then
-- sum a dozen rows per half year and read only its edge days' ads (up to 7 at each end, see HalfMonths), instead of
-- every ad of the universe featuring the term (a common skill's UK half year on 10M ads: ~100,000 ads, 0.4 s).
-- pairs: the terms counted, ascending, each as the gap from the previous one's id then its count, both unsigned
-- LEB128 varints (CoOccurrenceCounter): ~3 bytes a pair where two int arrays take 8 and PostgreSQL's compression
-- saved a quarter of that. Generated ads pair nearly every term with every other: on 10M ads ~5 million pairs a
-- half month over the counted regions.
-- Written with the salary points by the recount of a half month (SalaryCountStore) and stale with them: while
-- salary_count_stale marks a half month, readers take its ads from ad_fact.
CREATE TABLE co_occurrence (
    region_id  integer   NOT NULL REFERENCES region (id),
    employment smallint  NOT NULL,
    bucket     date      NOT NULL,
    term_id    integer   NOT NULL,
    pairs      bytea     NOT NULL,
    -- The half month before the term, as salary_count's: a recount rewrites adjacent index entries.
    PRIMARY KEY (region_id, employment, bucket, term_id)
);
-- Already dense; compressing them would save little and cost every read.
ALTER TABLE co_occurrence ALTER COLUMN pairs SET STORAGE EXTERNAL;

-- Every half month held is recounted at the service's next start, which fills its rows.
INSERT INTO salary_count_stale (employment, bucket, last_day)
SELECT DISTINCT employment, b,
       CASE WHEN extract(day FROM b) = 1 THEN b + 14 ELSE (date_trunc('month', b) + interval '1 month')::date - 1 END
FROM (SELECT employment,
             date_trunc('month', posted_on)::date + CASE WHEN extract(day FROM posted_on) > 15 THEN 15 ELSE 0 END AS b
      FROM ad_fact) f
ON CONFLICT DO NOTHING;
