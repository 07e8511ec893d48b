-- Co-occurrences kept per counted region, employment type, half month and term: the ads of the half month featuring
-- the term, counted under each term they feature (the term itself included: its ads). A period's co-occurrences then
-- sum a dozen rows per half year and read only its edge days' ads (up to 7 at each end, see HalfMonths), instead of
-- every ad of the universe featuring the term (a common skill's UK half year on 10M ads: ~100,000 ads, 0.4 s).
-- Sparse, as term_count_day: the ids of the terms counted and their counts. Left compressed: a UK row holds up to
-- a thousand pairs of small numbers.
-- Written with the salary points by the recount of a half month (SalaryCountStore) and stale with them: while
-- salary_count_stale marks a half month, readers take its ads from ad_fact.
CREATE TABLE co_occurrence (
    region_id  integer   NOT NULL REFERENCES region (id),
    employment smallint  NOT NULL,
    bucket     date      NOT NULL,
    term_id    integer   NOT NULL,
    term_ids   integer[] NOT NULL,
    counts     integer[] NOT NULL,
    -- The half month before the term, as salary_count's: a recount rewrites adjacent index entries.
    PRIMARY KEY (region_id, employment, bucket, term_id)
);

-- Every half month held is recounted at the service's next start, which fills its rows.
INSERT INTO salary_count_stale (employment, bucket, last_day)
SELECT DISTINCT employment, b,
       CASE WHEN extract(day FROM b) = 1 THEN b + 14 ELSE (date_trunc('month', b) + interval '1 month')::date - 1 END
FROM (SELECT employment,
             date_trunc('month', posted_on)::date + CASE WHEN extract(day FROM posted_on) > 15 THEN 15 ELSE 0 END AS b
      FROM ad_fact) f
ON CONFLICT DO NOTHING;
