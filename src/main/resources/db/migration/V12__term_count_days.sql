-- Term counts per counted region, employment type and day, beside term_count's half months: a period's edge days
-- (up to 7 at each end, see HalfMonths) are then a few rows instead of their ads (a UK week of 10 million ads: some
-- 20,000 ads, each with ~25 terms). Sparse, as term_count_delta: the ids of the terms and categories featured that
-- day and their counts.
-- Written with the salary points by the recount of a half month (SalaryCountStore) and stale with them: while
-- salary_count_stale marks a half month, readers take its days from ad_fact.
CREATE TABLE term_count_day (
    region_id       integer   NOT NULL REFERENCES region (id),
    employment      smallint  NOT NULL,
    day             date      NOT NULL,
    ads             integer   NOT NULL,
    term_ids        integer[] NOT NULL,
    term_counts     integer[] NOT NULL,
    category_ids    integer[] NOT NULL,
    category_counts integer[] NOT NULL,
    PRIMARY KEY (region_id, employment, day)
);
ALTER TABLE term_count_day ALTER COLUMN term_ids SET STORAGE EXTERNAL;
ALTER TABLE term_count_day ALTER COLUMN term_counts SET STORAGE EXTERNAL;

-- Every half month held is recounted at the service's next start, which fills its days.
INSERT INTO salary_count_stale (employment, bucket, last_day)
SELECT DISTINCT employment, b,
       CASE WHEN extract(day FROM b) = 1 THEN b + 14 ELSE (date_trunc('month', b) + interval '1 month')::date - 1 END
FROM (SELECT employment,
             date_trunc('month', posted_on)::date + CASE WHEN extract(day FROM posted_on) > 15 THEN 15 ELSE 0 END AS b
      FROM ad_fact) f
ON CONFLICT DO NOTHING;
