-- Salary points kept per counted region (the regions of term_count), employment type, term and half month: every
-- salary figure of a term or a universe (percentiles, distributions, medians of the index, salary trends) merges a
-- few of these rows instead of reading every ad of its universe. Ads quote a few thousand distinct amounts, so a row
-- is short whatever the number of ads.
-- points: the distinct salary points of the ads of the bucket featuring the term, ascending, each as its float8 then
-- the int4 count of ads quoting it (big-endian, as float8send and int4send write them); term_id 0 stands for every
-- ad of the bucket (the taxonomy's ids start at 1).
CREATE TABLE salary_count (
    region_id  integer  NOT NULL REFERENCES region (id),
    employment smallint NOT NULL,
    term_id    integer  NOT NULL,
    bucket     date     NOT NULL,
    points     bytea    NOT NULL,
    -- The half month before the term: a recount rewrites a half month's rows, which are then adjacent in the index
    -- (led by the term, its ~14,000 rows would land on as many leaf pages: 0.6 s per half month on 1M ads); a term's
    -- read filters a few thousand index entries per half month instead of finding its rows directly, a millisecond.
    PRIMARY KEY (region_id, employment, bucket, term_id)
);
-- Points are already dense; compressing them saves little and costs every read.
ALTER TABLE salary_count ALTER COLUMN points SET STORAGE EXTERNAL;

-- Half months whose salary_count rows may not match ad_fact: marked in the transaction of every batch that adds or
-- removes ads in them, cleared by the recount (SalaryCountStore) that rewrites their rows from ad_fact, at the end of
-- the load or, for marks a load left behind, at the next start. Readers take a marked half month from ad_fact.
CREATE TABLE salary_count_stale (
    employment smallint NOT NULL,
    bucket     date     NOT NULL,
    last_day   date     NOT NULL,
    PRIMARY KEY (employment, bucket)
);

-- Every half month held is counted at the service's next start.
INSERT INTO salary_count_stale (employment, bucket, last_day)
SELECT DISTINCT employment, b,
       CASE WHEN extract(day FROM b) = 1 THEN b + 14 ELSE (date_trunc('month', b) + interval '1 month')::date - 1 END
FROM (SELECT employment,
             date_trunc('month', posted_on)::date + CASE WHEN extract(day FROM posted_on) > 15 THEN 15 ELSE 0 END AS b
      FROM ad_fact) f;
