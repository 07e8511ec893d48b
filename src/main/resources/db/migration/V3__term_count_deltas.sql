-- What each batch of a load changes in term_count, appended in the batch's own transaction (sparse: only the terms
-- and categories it touches), so a batch costs a few thousand small rows rather than rewriting every term_count row
-- it touches. Figures read term_count plus these rows; when the load ends the service adds its changes to
-- term_count and deletes them (TermCounts.compact). Rows left by a load that never ended stay correct, only slower
-- to read.
CREATE TABLE term_count_delta (
    load_id         bigint    NOT NULL,
    batch           integer   NOT NULL,
    region_id       integer   NOT NULL,
    employment      smallint  NOT NULL,
    bucket          date      NOT NULL,
    ads             integer   NOT NULL,
    term_ids        integer[] NOT NULL,
    term_counts     integer[] NOT NULL,
    category_ids    integer[] NOT NULL,
    category_counts integer[] NOT NULL
);
CREATE INDEX term_count_delta_key ON term_count_delta (region_id, employment, bucket);
CREATE INDEX term_count_delta_load ON term_count_delta (load_id);
CREATE SEQUENCE term_count_load;

-- Live jobs: the ads still open on a day are those closing on or after it (few, for a recent day), plus those
-- without a closing date posted in the 30 days before it (a range of the universe index).
CREATE INDEX ad_fact_closing ON ad_fact (employment, closes_on) WHERE closes_on IS NOT NULL;
