-- One narrow fact row per ad, its terms (the role included) as a sorted array, instead of one row per (ad, term):
-- loading writes one row per ad rather than ~25, each with three index entries. Every figure reads this table
-- (or term_count below); `ad` keeps what the ad says.
CREATE TABLE ad_fact (
    ad_id        bigint    PRIMARY KEY,
    employment   smallint  NOT NULL,
    posted_on    date      NOT NULL,
    closes_on    date,
    region_pos   integer   NOT NULL,
    role_id      integer,
    salary_point double precision,
    terms        integer[] NOT NULL
);

INSERT INTO ad_fact (ad_id, employment, posted_on, closes_on, region_pos, role_id, salary_point, terms)
SELECT a.id, a.employment, a.posted_on, a.closes_on, a.region_pos, a.role_id, a.salary_point,
       coalesce((SELECT array_agg(t.term_id ORDER BY t.term_id) FROM ad_term t WHERE t.ad_id = a.id), '{}')
FROM ad a;

-- The universe of every figure: ads of one type posted in a period inside a region range.
CREATE INDEX ad_fact_universe ON ad_fact (employment, posted_on, region_pos);

DROP TABLE ad_term;
DROP INDEX ad_universe;

-- Term counts kept by the load (TermCounts) for the regions most figures ask about (UK, nations, areas,
-- subregions), per employment type and half month (buckets start on the 1st and the 16th): ranks need every
-- term's count over a universe, and summing a few dozen of these rows replaces counting ~25 terms of each of
-- tens of thousands of ads. A period's part outside whole buckets is counted from ad_fact.
-- terms[t] is the number of the bucket's ads featuring term id t; categories[c] the number featuring at least
-- one term of category id c (not derivable from the term counts: an ad counts once per category).
CREATE TABLE term_count (
    region_id  integer   NOT NULL REFERENCES region (id),
    employment smallint  NOT NULL,
    bucket     date      NOT NULL,
    ads        integer   NOT NULL,
    terms      integer[] NOT NULL,
    categories integer[] NOT NULL,
    PRIMARY KEY (region_id, employment, bucket)
);
-- Rewritten whole by every load that touches a bucket; compressing them would cost more than it saves.
ALTER TABLE term_count ALTER COLUMN terms SET STORAGE EXTERNAL;
-- Filled from ad_fact by the service at start-up (TermCounts.rebuildIfMissing).
