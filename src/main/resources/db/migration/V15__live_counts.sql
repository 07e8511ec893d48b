-- Live jobs kept per counted region, employment type, day and half month of posting: the ads posted in the half
-- month that are live on the day, counted under each term they feature (LiveCounter). Live jobs on a day in a
-- counted region are then the rows of that day, one per half month whose ads can still be live (six or seven), plus
-- the few ads open more than 90 days, which these rows leave out and ad_fact_long_open (V13) holds; instead of every
-- ad of the 90 days before it (a common skill's UK live jobs on 10M ads: ~550,000 ads read, 0.3-0.45 s).
-- terms: TermPairs' varint pairs of term gap and count.
-- Keyed by the half month the ads were posted in, as salary_count is: written by the recount of that half month
-- (SalaryCountStore) and stale with it; while salary_count_stale marks one of the half months a day's rows come
-- from, readers take that day's live jobs from ad_fact.
CREATE TABLE live_count (
    region_id  integer  NOT NULL REFERENCES region (id),
    employment smallint NOT NULL,
    day        date     NOT NULL,
    bucket     date     NOT NULL,
    terms      bytea    NOT NULL,
    PRIMARY KEY (region_id, employment, day, bucket)
);
ALTER TABLE live_count ALTER COLUMN terms SET STORAGE EXTERNAL;

-- Every half month held is recounted at the service's next start, which fills its rows.
INSERT INTO salary_count_stale (employment, bucket, last_day)
SELECT DISTINCT employment, b,
       CASE WHEN extract(day FROM b) = 1 THEN b + 14 ELSE (date_trunc('month', b) + interval '1 month')::date - 1 END
FROM (SELECT employment,
             date_trunc('month', posted_on)::date + CASE WHEN extract(day FROM posted_on) > 15 THEN 15 ELSE 0 END AS b
      FROM ad_fact) f
ON CONFLICT DO NOTHING;
