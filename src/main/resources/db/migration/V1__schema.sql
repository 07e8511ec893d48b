-- Reference data: categories, terms and the region tree are written by the service from its shipped,
-- versioned files (see ReferenceDataSync); their ids are stable across versions (upsert by slug).
CREATE TABLE category (
    id   smallint PRIMARY KEY,
    name text NOT NULL UNIQUE,
    slug text NOT NULL UNIQUE
);

CREATE TABLE term (
    id          integer PRIMARY KEY,
    name        text     NOT NULL,
    slug        text     NOT NULL UNIQUE,
    category_id smallint NOT NULL REFERENCES category (id)
);
CREATE UNIQUE INDEX term_name_ci ON term (lower(name));
CREATE INDEX term_category ON term (category_id, lower(name));

CREATE TABLE term_alias (
    term_id integer NOT NULL REFERENCES term (id) ON DELETE CASCADE,
    alias   text    NOT NULL,
    PRIMARY KEY (term_id, alias)
);
CREATE INDEX term_alias_ci ON term_alias (lower(alias));

-- The region tree as a nested set: an ad is in region R when lft(R) <= region_pos(ad) <= rgt(R), which is
-- one range predicate that an index on the ad's region_pos can serve for any depth of R.
CREATE TABLE region (
    id        integer  PRIMARY KEY,
    parent_id integer REFERENCES region (id),
    slug      text     NOT NULL UNIQUE,
    name      text     NOT NULL,
    kind      text     NOT NULL,
    depth     smallint NOT NULL,
    lft       integer  NOT NULL UNIQUE,
    rgt       integer  NOT NULL
);
CREATE INDEX region_parent ON region (parent_id, name);
CREATE INDEX region_name_ci ON region (lower(name));

CREATE TABLE reference_version (
    name      text PRIMARY KEY,
    version   text NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
);

-- employment: 0 = PERMANENT, 1 = CONTRACT (smallint keeps the aggregation indexes narrow).
CREATE TABLE ad (
    id              bigserial PRIMARY KEY,
    source          text     NOT NULL,
    source_id       text     NOT NULL,
    title           text     NOT NULL,
    description     text,
    location        text     NOT NULL,
    company         text,
    employment      smallint NOT NULL,
    posted_on       date     NOT NULL,
    closes_on       date,
    salary_min      numeric,
    salary_max      numeric,
    salary_period   text,
    salary_currency text,
    salary_text     text,
    region_id       integer  NOT NULL REFERENCES region (id),
    region_pos      integer  NOT NULL,
    location_resolved boolean NOT NULL,
    remote          boolean  NOT NULL DEFAULT false,
    hybrid          boolean  NOT NULL DEFAULT false,
    role_id         integer REFERENCES term (id),
    -- The METRICS.md salary point in the employment's unit (a year for PERMANENT, a day for CONTRACT);
    -- null when the ad has no valid point.
    salary_point    double precision,
    loaded_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ad_source_key UNIQUE (source, source_id),
    CONSTRAINT ad_closes_after_posted CHECK (closes_on IS NULL OR closes_on >= posted_on)
);
-- Market table and rank universe: ads of one type posted in a period inside a region range.
CREATE INDEX ad_universe ON ad (employment, posted_on, region_pos) INCLUDE (role_id, salary_point);
-- Keep descriptions out of the compression path: loading is the hot path and they are never aggregated.
ALTER TABLE ad ALTER COLUMN description SET STORAGE EXTERNAL;

-- One row per (ad, featured term), the role included, carrying the ad's filter columns so that every
-- aggregation reads this table alone.
CREATE TABLE ad_term (
    ad_id        bigint   NOT NULL,
    term_id      integer  NOT NULL,
    employment   smallint NOT NULL,
    posted_on    date     NOT NULL,
    closes_on    date,
    region_pos   integer  NOT NULL,
    salary_point double precision,
    PRIMARY KEY (ad_id, term_id)
);
CREATE INDEX ad_term_by_term ON ad_term (term_id, employment, posted_on) INCLUDE (region_pos, salary_point, closes_on);
CREATE INDEX ad_term_by_universe ON ad_term (employment, posted_on, region_pos) INCLUDE (term_id);

CREATE TABLE load_report (
    id                    bigserial PRIMARY KEY,
    started_at            timestamptz NOT NULL,
    finished_at           timestamptz NOT NULL,
    format                text   NOT NULL,
    lines_read            bigint NOT NULL,
    ads_added             bigint NOT NULL,
    ads_replaced          bigint NOT NULL,
    lines_rejected        bigint NOT NULL,
    unrecognised_titles   bigint NOT NULL,
    unresolved_locations  bigint NOT NULL,
    without_salary        bigint NOT NULL,
    unknown_skills        bigint NOT NULL,
    first_rejections      text   NOT NULL,
    completed             boolean NOT NULL
);

-- Bumped by every committed batch of ads; part of every cache key so no pod serves a figure computed
-- before a load it can see.
CREATE TABLE data_version (
    id      smallint PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO data_version VALUES (1, 1);
